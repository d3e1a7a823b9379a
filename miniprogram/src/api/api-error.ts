/** What every failed call turns into, whichever transport carried it. */
export class ApiError extends Error {
  readonly code: string;
  /** HTTP status; 0 when no answer arrived at all. */
  readonly status: number;

  /** e.g. per-question problems of a survey response. */
  readonly details?: unknown;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';
export const UNKNOWN_ERROR_MESSAGE = '服务暂时不可用，请稍后重试';

/** What a server said when it named no field; never the best thing to show when it did. */
const GENERIC_VALIDATION_MESSAGE = '请求参数不正确';

/**
 * The server promises { error: { code, message, details? } }; anything else (a proxy's HTML
 * page) gets a generic text. When the top-level message is only the generic 请求参数不正确 but a
 * field says what is wrong (请填写作者), the field's words are the message a toast shows.
 */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `HTTP_${status}`;
  const stated = typeof error?.message === 'string' && error.message ? error.message : undefined;
  const first = firstFieldMessage(error?.details);
  const message = (stated === GENERIC_VALIDATION_MESSAGE ? first : undefined) ?? stated ?? first ?? UNKNOWN_ERROR_MESSAGE;
  return new ApiError(code, message, status, error?.details);
}

function firstFieldMessage(details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  // Only words written for people (Chinese): never a validator's English default.
  const found = (details as Array<{ message?: unknown } | null>).find(
    (d) => typeof d?.message === 'string' && /[\u4e00-\u9fa5]/.test(d.message),
  );
  return found?.message as string | undefined;
}

/** For the UI: an ApiError's Chinese message, or a generic one for anything unexpected. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : UNKNOWN_ERROR_MESSAGE;
}
