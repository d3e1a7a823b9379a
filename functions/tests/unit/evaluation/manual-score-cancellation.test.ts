import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EvaluationRepository, type ManualScoreItem } from '../../../src/features/evaluation/evaluation-repository';

/**
 * Which cancelled transaction means "the round is locked". DynamoDB Local cannot be made to
 * cancel for other reasons on demand, so the client here answers with a given cancellation.
 */
describe('a manual score whose transaction is cancelled', () => {
  const score: ManualScoreItem = {
    kind: 'manual-score',
    schoolId: 'jn-jiuqu-ps',
    dimensionId: 'school',
    indicatorId: 'overall',
    score: 70,
    evidence: '报告',
    enteredBy: '王主任',
    enteredAt: '2026-11-23T00:00:00Z',
  };
  const cancelledWith = (...codes: string[]) =>
    new EvaluationRepository(
      {
        send: () =>
          Promise.reject(
            new TransactionCanceledException({
              message: 'Transaction cancelled',
              $metadata: {},
              CancellationReasons: codes.map((Code) => ({ Code })),
            }),
          ),
      } as unknown as DynamoDBDocumentClient,
      'table',
    );

  it("is refused (false) when the round's open check failed", async () => {
    await expect(cancelledWith('ConditionalCheckFailed', 'None').putManualScore('rd-a', score)).resolves.toBe(false);
  });

  it('is an error when it was cancelled for another reason', async () => {
    await expect(cancelledWith('None', 'TransactionConflict').putManualScore('rd-a', score)).rejects.toBeInstanceOf(
      TransactionCanceledException,
    );
    await expect(cancelledWith('ThrottlingError', 'None').putManualScore('rd-a', score)).rejects.toBeInstanceOf(
      TransactionCanceledException,
    );
  });
});
