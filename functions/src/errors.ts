/**
 * The API's error family. Every expected failure is one of these; the app maps them to
 * `{ error: { code, message, details? } }` with their status. Messages are user-facing, so
 * they are in Simplified Chinese; codes are for programs.
 */
/** 4xx for the caller's mistakes; 502/503 only when an upstream (WeChat) fails us. */
export type ApiErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 429 | 502 | 503;

export class ApiError extends Error {
  constructor(
    public readonly status: ApiErrorStatus,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on 429. */
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Said only when a failed validation names no field at all. */
export const GENERIC_VALIDATION_MESSAGE = '请求参数不正确';

/**
 * Input failed validation; `details` lists the fields. The top-level message is what a
 * person reads first (a toast, a banner), so unless a caller says something more specific
 * it is the first field's own message (请填写作者) rather than the generic text.
 */
export class ValidationError extends ApiError {
  constructor(message?: string, details?: unknown, code = 'VALIDATION_FAILED') {
    super(
      400,
      code,
      message && message !== GENERIC_VALIDATION_MESSAGE ? message : (firstFieldMessage(details) ?? GENERIC_VALIDATION_MESSAGE),
      details,
    );
  }
}

/**
 * The first field message written for people (in Chinese). zod's own defaults for a wrong type
 * ("Invalid input: expected object…") are for programs: the generic text is better than those.
 */
function firstFieldMessage(details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  const first = (details as Array<{ message?: unknown }>).find((d) => typeof d?.message === 'string' && /[\u4e00-\u9fa5]/.test(d.message));
  return first?.message as string | undefined;
}

export class BadQueryError extends ApiError {
  constructor(message = '搜索词需为 1–50 个字符') {
    super(400, 'BAD_QUERY', message);
  }
}

export class BadCursorError extends ApiError {
  constructor() {
    super(400, 'BAD_CURSOR', '分页参数无效，请重新搜索');
  }
}

export class MalformedBodyError extends ApiError {
  constructor() {
    super(400, 'MALFORMED_BODY', '请求体不是有效的 JSON');
  }
}

export class NotFoundError extends ApiError {
  constructor(message = '未找到该资源') {
    super(404, 'NOT_FOUND', message);
  }
}

export class RouteNotFoundError extends ApiError {
  constructor(method: string, path: string) {
    super(404, 'NOT_FOUND', `接口不存在：${method} ${path}`);
  }
}

export class UnauthenticatedError extends ApiError {
  constructor() {
    super(401, 'UNAUTHENTICATED', '请先登录');
  }
}

export class InvalidSessionError extends ApiError {
  constructor() {
    super(401, 'INVALID_SESSION', '登录已失效，请重新登录');
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = '没有权限执行此操作') {
    super(403, 'FORBIDDEN', message);
  }
}

/** A body names a district, group or school outside the caller's scope (or one that does not exist). */
export class ForbiddenReferenceError extends ApiError {
  constructor(path: string) {
    super(403, 'FORBIDDEN_REFERENCE', '请求中包含不在您管理范围内的区县、集团或学校', [{ path, message: '不在您的管理范围内' }]);
  }
}

export class RateLimitedError extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(
      429,
      'RATE_LIMITED',
      `操作太频繁，请 ${retryAfterSeconds} 秒后再试`,
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    );
  }
}

export class ConflictError extends ApiError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export class GoneError extends ApiError {
  constructor(code: string, message: string) {
    super(410, code, message);
  }
}

export class InviteNotFoundError extends ApiError {
  constructor() {
    super(404, 'INVITE_NOT_FOUND', '邀请码不存在，请检查后重新输入');
  }
}
