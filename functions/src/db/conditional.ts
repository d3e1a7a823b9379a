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
