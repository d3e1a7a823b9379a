import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { wroteIf } from '../../db/conditional';
import { keys } from '../../db/keys';
import { takeToken, type BucketPolicy, type BucketState, type TakeResult } from './domain/token-bucket';
import { setBounded } from '../../bounded-map';

/**
 * AP21: token buckets in DynamoDB, so every container and runtime shares one limit per user.
 * A bucket is keyed by a pseudonym (the user's, or a source address's HMAC) and expires by TTL
 * once it would be full again. DELETE /api/me leaves it: the pseudonym is the same after the
 * next login, and a limit that deleting one's data resets is no limit.
 * Optimistic concurrency: the write is conditional on the state that was read; on a race,
 * read again (a handful of tries; under a real storm the caller is limited anyway).
 *
 * The first try does not read. It writes on the state this container last wrote for the bucket,
 * or on "no bucket yet" when it never saw it, which is what a parent answering once meets: one
 * PutItem instead of GetItem + PutItem on the survey submission path (docs/performance.md). The
 * same condition guards it, so a wrong guess (another container took a token, or the bucket
 * exists) fails the write and the loop reads the stored state as before.
 */
export class RateLimitRepository {
  /** The state and version this container last wrote per bucket key, at most LAST_WRITTEN_MAX. */
  private readonly lastWritten = new Map<string, { state: BucketState; version: number }>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  async take(subjectKey: string, bucket: string, policy: BucketPolicy): Promise<TakeResult> {
    const key = keys.rateBucket(subjectKey, bucket);
    const cacheKey = `${key.pk}|${key.sk}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const seen = attempt === 0 ? (this.lastWritten.get(cacheKey) ?? null) : await this.read(key);
      const state = seen?.state ?? null;
      // A version, not the timestamp, guards the write: two requests in the same millisecond
      // would otherwise both pass a condition on refilledAt and spend one token twice.
      const version = seen?.version ?? 0;
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
      if (written) {
        setBounded(this.lastWritten, cacheKey, { state: result.next, version: version + 1 }, LAST_WRITTEN_MAX);
        return result;
      }
    }
    return { allowed: false, next: { tokens: 0, refilledAt: this.now() }, retryAfterSeconds: 1 };
  }

  private async read(key: { pk: string; sk: string }): Promise<{ state: BucketState; version: number } | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item ? { state: { tokens: Item.tokens, refilledAt: Item.refilledAt }, version: Number(Item.version ?? 0) } : null;
  }
}

/** Enough for every caller of a busy container's last minutes; each entry is a few dozen bytes. */
const LAST_WRITTEN_MAX = 10_000;

export type { RateBucket } from './domain/rate-bucket';
