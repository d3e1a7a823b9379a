/**
 * Runs a conditional write: true if it happened, false if its condition did not hold
 * (DynamoDB's ConditionalCheckFailedException); any other error is thrown.
 */
export async function wroteIf(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * The cancellation codes of a cancelled transaction, one per item in request order
 * (e.g. ['None', 'ConditionalCheckFailed']); null when the error is not a cancelled
 * transaction. The one place that reads TransactionCanceledException.
 */
export function cancellationCodes(error: unknown): string[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}
