import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { takeToken, type BucketPolicy, type BucketState, type TakeResult } from './domain/token-bucket';

/**
 * AP21: token buckets in DynamoDB, so every container and runtime shares one limit per user.
 * A bucket is keyed by a pseudonym (the user's, or a source address's HMAC) and expires by TTL
 * once it would be full again. DELETE /api/me leaves it: the pseudonym is the same after the
 * next login, and a limit that deleting one's data resets is no limit.
 * Optimistic concurrency: the write is conditional on the state that was read; on a race,
 * read again (a handful of tries; under a real storm the caller is limited anyway).
 */
export class RateLimitRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async take(subjectKey: string, bucket: string, policy: BucketPolicy): Promise<TakeResult> {
    const key = keys.rateBucket(subjectKey, bucket);
    for (let attempt = 0; attempt < 5; attempt++) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      const state = Item ? ({ tokens: Item.tokens, refilledAt: Item.refilledAt } as BucketState) : null;
      // A version, not the timestamp, guards the write: two requests in the same millisecond
      // would otherwise both pass a condition on refilledAt and spend one token twice.
      const version = Item ? Number(Item.version ?? 0) : 0;
      const now = this.now();
      const result = takeToken(state, now, policy);
      // A full bucket needs no item; expire it once it would have refilled anyway.
      const refillSeconds = Math.ceil(policy.capacity / policy.refillPerSecond);
      const written = await wroteIf(
        this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...key, kind: 'rate-bucket', ...result.next, version: version + 1, expiresAt: Math.floor(now / 1000) + refillSeconds },
            ConditionExpression: state ? 'version = :seen' : 'attribute_not_exists(pk)',
            ExpressionAttributeValues: state ? { ':seen': version } : undefined,
          }),
        ),
      );
      if (written) return result;
    }
    return { allowed: false, next: { tokens: 0, refilledAt: this.now() }, retryAfterSeconds: 1 };
  }
}

export type { RateBucket } from './domain/rate-bucket';
