import { ApiError } from '../errors';

/** WeChat errcodes as our API answers them. Messages never hold the code, openid or secret. */
export class InvalidCodeError extends ApiError {
  constructor() {
    super(400, 'INVALID_CODE', '登录凭证无效或已使用，请重新登录');
  }
}

export class WeChatRateLimitedError extends ApiError {
  constructor() {
    super(429, 'WECHAT_RATE_LIMITED', '登录太频繁，请稍后再试', undefined, { 'Retry-After': '60' });
  }
}

export class HighRiskUserError extends ApiError {
  constructor() {
    super(403, 'HIGH_RISK_USER', '账号存在风险，暂时无法登录');
  }
}

export class WeChatUnavailableError extends ApiError {
  constructor() {
    super(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后重试');
  }
}

export class WeChatError extends ApiError {
  constructor(errcode: number) {
    super(502, 'WECHAT_ERROR', '微信服务返回错误，请稍后重试', { errcode });
  }
}

/** errcode → error; 0 / undefined is success (null). */
export function errorForErrcode(errcode: number | undefined): ApiError | null {
  switch (errcode) {
    case undefined:
    case 0:
      return null;
    case 40029: // invalid code
    case 40163: // code been used
      return new InvalidCodeError();
    case 45011: // frequency limit
      return new WeChatRateLimitedError();
    case 40226: // high-risk user
      return new HighRiskUserError();
    case -1: // system busy
      return new WeChatUnavailableError();
    default:
      return new WeChatError(errcode);
  }
}

/** Access token no longer valid: fetch a new one and try once more. */
export const TOKEN_EXPIRED_CODES = new Set([40001, 42001]);
