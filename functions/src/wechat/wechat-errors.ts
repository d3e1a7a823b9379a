import { ApiError } from '../errors';

/**
 * WeChat failures as our API answers them. Messages are fixed strings: they never carry the
 * login code, openid, appid or secret, whatever WeChat's errmsg said.
 */
export class InvalidCodeError extends ApiError {
  constructor() {
    super(400, 'INVALID_CODE', '登录凭证无效或已使用，请重新登录');
  }
}

/** WeChat's limit is per appid, so every user of the app is throttled together. */
export class WeChatRateLimitedError extends ApiError {
  constructor() {
    super(429, 'WECHAT_RATE_LIMITED', '请求太频繁，请 1 分钟后再试', undefined, { 'Retry-After': '60' });
  }
}

export class HighRiskUserError extends ApiError {
  constructor() {
    super(403, 'HIGH_RISK_USER', '账号存在风险，暂时无法登录');
  }
}

/** WeChat could not answer usefully (busy, unreachable, too slow, garbled): worth retrying later. */
export class WeChatUnavailableError extends ApiError {
  constructor() {
    super(503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后重试');
  }
}

/** WeChat answered with an error we do not expect in normal use (often our configuration). */
export class WeChatError extends ApiError {
  constructor(errcode: number) {
    super(502, 'WECHAT_ERROR', '微信服务返回错误，请稍后重试', { errcode });
  }
}

/** wxacode: the page is not in the published version of the mini-program (41030). */
export class WeChatPageNotPublishedError extends ApiError {
  constructor() {
    super(502, 'WECHAT_PAGE_NOT_PUBLISHED', '问卷页面尚未随小程序发布，暂时无法生成小程序码');
  }
}

/** wxacode: the app's daily quota of codes is used up (45009); it resets the next day. */
export class WeChatQuotaExceededError extends ApiError {
  constructor() {
    super(503, 'WECHAT_QUOTA_EXCEEDED', '今日生成小程序码的次数已达上限，请明天再试');
  }
}

/** The errcodes that mean "this access token is no longer valid": refresh it and try once more. */
export const ACCESS_TOKEN_REJECTED_CODES: ReadonlySet<number> = new Set([
  40001, // invalid credential (e.g. another runtime force-refreshed the token)
  42001, // access_token expired
]);

/** errcode → the ApiError to throw; null for success (absent or 0). */
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
    case 41030: // wxacode: page not published
      return new WeChatPageNotPublishedError();
    case 45009: // daily api quota reached
      return new WeChatQuotaExceededError();
    case -1: // system busy
      return new WeChatUnavailableError();
    default:
      return new WeChatError(errcode);
  }
}
