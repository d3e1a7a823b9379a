import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { CONFLICT_RETRIES, retryOnConflict } from '../../../src/db/conditional';

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

/** A write that fails with the given errors in turn, then succeeds; counts its calls. */
function flaky(...failures: Error[]) {
  let calls = 0;
  const write = async () => {
    calls++;
    const failure = failures.shift();
    if (failure) throw failure;
    return 'written';
  };
  return { write, calls: () => calls };
}

describe('retryOnConflict', () => {
  it('sends a transaction again after conflicts and returns what the last try returned', async () => {
    // Prepare
    const write = flaky(cancelled('TransactionConflict', 'None'), cancelled('None', 'TransactionConflict'));
    // Act
    const result = await retryOnConflict(write.write);
    // Assess
    expect(result).toBe('written');
    expect(write.calls()).toBe(3);
  });

  it('passes a failed condition straight up without another try', async () => {
    // Prepare
    const write = flaky(cancelled('ConditionalCheckFailed', 'None'));
    // Act, Assess
    await expect(retryOnConflict(write.write)).rejects.toThrow('Transaction cancelled');
    expect(write.calls()).toBe(1);
  });

  it('gives up after its retries and throws the conflict', async () => {
    // Prepare
    const write = flaky(...Array.from({ length: CONFLICT_RETRIES + 5 }, () => cancelled('TransactionConflict')));
    // Act, Assess
    await expect(retryOnConflict(write.write)).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(write.calls()).toBe(CONFLICT_RETRIES + 1);
  });
});
