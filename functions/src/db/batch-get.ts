import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** BatchGetItem takes at most 100 keys a request. */
const BATCH_GET_MAX = 100;

/**
 * The items of these keys (missing ones absent), by BatchGetItem in chunks of 100, read
 * consistently unless told otherwise. Unprocessed keys (DynamoDB returns them under throttling
 * rather than failing the call) are asked again with exponential back-off; after 8 retries the
 * call fails rather than answer as if those items did not exist.
 */
export async function batchGet(
  db: DynamoDBDocumentClient,
  tableName: string,
  all: Record<string, unknown>[],
  options: { projection?: string; consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let start = 0; start < all.length; start += BATCH_GET_MAX) {
    let pending = all.slice(start, start + BATCH_GET_MAX);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchGet kept returning unprocessed keys');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** (attempt - 1)));
      const answer = await db.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ...(options.projection ? { ProjectionExpression: options.projection } : {}),
              ConsistentRead: options.consistent ?? true,
            },
          },
        }),
      );
      found.push(...(answer.Responses?.[tableName] ?? []));
      pending = (answer.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
}
