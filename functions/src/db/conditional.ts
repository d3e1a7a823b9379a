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

/** True when a cancelled transaction lists this code for any of its items. */
export const isCancelledBy = (error: unknown, code: string): boolean => cancellationCodes(error)?.includes(code) ?? false;

/** How often a transaction cancelled by a concurrent one is sent again before the error goes up. */
export const CONFLICT_RETRIES = 8;

/**
 * Sends a transaction again while DynamoDB cancels it for a conflict with another transaction
 * in flight on one of its items (TransactionConflict). A cancelled transaction applied nothing,
 * so sending it again is safe; full jitter spreads the retries of many concurrent writers.
 * Any other error, or a conflict after CONFLICT_RETRIES tries, is thrown.
 */
export async function retryOnConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isCancelledBy(error, 'TransactionConflict') || attempt >= CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 5)));
    }
  }
}
