import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { isStoreUnavailable, StoreUnavailableError } from '../../../src/db/store-errors';

/** Errors as the DynamoDB client throws them once its retries are spent. */
const metadata = (httpStatusCode?: number) => ({ $metadata: { attempts: 3, totalRetryDelay: 120, httpStatusCode } });
const serviceError = (name: string, httpStatusCode: number) => Object.assign(new Error(name), { name, ...metadata(httpStatusCode) });
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('isStoreUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED', ...metadata() })],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['an unknown host', Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })],
    ['a request timeout', Object.assign(new Error('exceeded the configured requestTimeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' })],
    ['a socket error the SDK wrapped as a plain Error', Object.assign(new Error('AWS SDK error wrapper for Error: connect'), metadata())],
    ['throttling', new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: { httpStatusCode: 400 } })],
    ['ThrottlingException', serviceError('ThrottlingException', 400)],
    ['a 500 of the service', serviceError('InternalServerError', 500)],
    ['a 503 of the service', serviceError('ServiceUnavailable', 503)],
    ['a transaction cancelled by a conflict', cancelled('None', 'TransactionConflict')],
    ['a transaction cancelled by throttling', cancelled('ThrottlingError', 'None')],
    ['an error whose cause is a timeout', Object.assign(new Error('wrapped'), { cause: { name: 'TimeoutError' } })],
  ])('recognises %s', (_label, error) => {
    // Act, Assess
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it.each([
    [
      'a failed condition',
      new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: { httpStatusCode: 400 } }),
    ],
    ['a transaction cancelled by its own condition', cancelled('ConditionalCheckFailed', 'None')],
    ['a condition beside a conflict', cancelled('ConditionalCheckFailed', 'TransactionConflict')],
    ['a transaction cancelled with no reason given', cancelled()],
    ['a malformed request', serviceError('ValidationException', 400)],
    ['a missing table', serviceError('ResourceNotFoundException', 400)],
    ['a bug in our code', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a marshalling error (thrown before any attempt)', new Error('Pass options.removeUndefinedValues=true to remove undefined values')],
    ['something that is not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('does not mistake %s for an outage', (_label, error) => {
    // Act, Assess
    expect(isStoreUnavailable(error)).toBe(false);
  });

  it('stops following causes that loop', () => {
    // Prepare
    const error: { name: string; cause?: unknown } = { name: 'Error' };
    error.cause = error;

    // Act, Assess
    expect(isStoreUnavailable(error)).toBe(false);
  });
});

describe('StoreUnavailableError', () => {
  it('is a 503 STORE_UNAVAILABLE with Retry-After and a Chinese message asking to try again', () => {
    // Act
    const error = new StoreUnavailableError();

    // Assess
    expect(error).toMatchObject({
      status: 503,
      code: 'STORE_UNAVAILABLE',
      details: { retryAfterSeconds: 5 },
      headers: { 'Retry-After': '5' },
    });
    expect(error.message).toContain('请稍后重试');
  });
});
