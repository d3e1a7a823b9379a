import { ApiError } from '../errors';
import { cancellationCodes } from './conditional';

/** What a client is told to wait before trying again: about how long a DynamoDB hiccup or a restart lasts. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** The table cannot be reached or is overloaded for now: the request may succeed if sent again. */
export class StoreUnavailableError extends ApiError {
  constructor() {
    super(
      503,
      'STORE_UNAVAILABLE',
      '服务暂时繁忙，请稍后重试',
      { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS },
      { 'Retry-After': String(STORE_RETRY_AFTER_SECONDS) },
    );
  }
}

// The same families the SDK's own retry strategy treats as transient (@smithy/core retry);
// by the time an error reaches us its retries are spent, so it is an outage, not a bug.
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'LimitExceededException',
]);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);
/** A transaction cancelled only for these reasons (and 'None' for the untouched items) failed for load, not for its conditions. */
const TRANSIENT_CANCELLATIONS = new Set(['None', 'TransactionConflict', 'ThrottlingError']);

type SdkError = {
  name?: unknown;
  code?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number; attempts?: number };
};

/**
 * True when an error from the DynamoDB client means the store is unreachable or overloaded
 * (network failure, timeout, throttling, a 5xx, a transaction cancelled by conflicts or
 * throttling), as opposed to a mistake in the request. The one place that knows these shapes.
 */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { name, code, cause, $metadata } = error as SdkError;
  if (typeof name === 'string' && (THROTTLING.has(name) || TIMEOUTS.has(name))) return true;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || TIMEOUTS.has(code))) return true;
  if (($metadata?.httpStatusCode ?? 0) >= 500) return true;
  // Attempts were made but no HTTP answer came back: the connection failed, whatever the
  // platform called it (the SDK can wrap a socket error it does not recognise as a plain Error).
  if ($metadata && $metadata.httpStatusCode === undefined && typeof $metadata.attempts === 'number') return true;
  const codes = cancellationCodes(error);
  if (codes && codes.every((c) => TRANSIENT_CANCELLATIONS.has(c)) && codes.some((c) => c !== 'None')) return true;
  return isStoreUnavailable(cause, depth + 1);
}
