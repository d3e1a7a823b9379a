import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DbConnection {
  endpoint?: string;
  region: string;
}

/**
 * How long one attempt may take. DynamoDB answers in milliseconds and DynamoDB Local in tens
 * of them; without limits a store that accepts connections but never answers would hold a
 * request until the Lambda's 29 s timeout. With these, a refused connection fails in well under
 * a second, an unreachable host in about 9 s and a hung one in about 15 s at worst (3 attempts),
 * and the request answers 503 STORE_UNAVAILABLE (db/store-errors.ts). Not tighter: a burst
 * (200 writes at once on a 2-core machine) queues for sockets, and a 1 s connection timeout
 * then failed healthy requests.
 */
/** The name the SDK registers its logger middleware under (@aws-sdk/core, getLoggerPlugin). */
const SDK_LOGGER_MIDDLEWARE = 'loggerMiddleware';

export const DB_TIMEOUTS = { connectionTimeoutMs: 3000, requestTimeoutMs: 5000, maxAttempts: 3 } as const;

/**
 * DynamoDB Local accepts any credentials but partitions data by key id unless started with
 * -sharedDb; we start it shared and still use one fixed, letters-only key id everywhere.
 */
export function createDocumentClient({ endpoint, region }: DbConnection): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    // 'standard' retries throttling and transient errors with jittered backoff, and its retry
    // quota stops retrying once most attempts fail, so an outage fails fast instead of piling up.
    retryMode: 'standard',
    maxAttempts: DB_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: DB_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: DB_TIMEOUTS.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  // The SDK's logger middleware builds a filtered copy of every request and answer (walking them
  // against the command's schema for sensitive fields) and hands it to the client's logger, a
  // no-op here: we never log SDK calls (our logs carry no request bodies: log/logger.ts). Without
  // it the client spends about a fifth less CPU per GetItem and Query (measured on DynamoDB Local,
  // 2026-12-03, docs/performance.md). Errors still reach our own error handling unchanged.
  client.middlewareStack.remove(SDK_LOGGER_MIDDLEWARE);
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
