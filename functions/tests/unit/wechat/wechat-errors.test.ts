import { ApiError } from '../../../src/errors';
import { ACCESS_TOKEN_REJECTED_CODES, errorForErrcode } from '../../../src/wechat/wechat-errors';

/** How each WeChat errcode reaches our API's callers. */
describe('errorForErrcode', () => {
  it('treats an absent errcode and errcode 0 as success', () => {
    // Prepare, Act
    const answers = [errorForErrcode(undefined), errorForErrcode(0)];

    // Assess
    expect(answers).toEqual([null, null]);
  });

  it.each([
    [40029, 400, 'INVALID_CODE', '登录凭证无效或已使用，请重新登录'],
    [40163, 400, 'INVALID_CODE', '登录凭证无效或已使用，请重新登录'],
    [45011, 429, 'WECHAT_RATE_LIMITED', '请求太频繁，请 1 分钟后再试'],
    [40226, 403, 'HIGH_RISK_USER', '账号存在风险，暂时无法登录'],
    [-1, 503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后重试'],
    [40125, 502, 'WECHAT_ERROR', '微信服务返回错误，请稍后重试'],
    [40013, 502, 'WECHAT_ERROR', '微信服务返回错误，请稍后重试'],
    [40001, 502, 'WECHAT_ERROR', '微信服务返回错误，请稍后重试'],
  ])('maps errcode %i to %i %s with a Chinese message', (errcode, status, code, message) => {
    // Act
    const error = errorForErrcode(errcode);

    // Assess
    expect(error).toBeInstanceOf(ApiError);
    expect({ status: error!.status, code: error!.code, message: error!.message }).toEqual({ status, code, message });
  });

  it('asks a rate-limited caller to come back after 60 seconds', () => {
    // Act
    const error = errorForErrcode(45011)!;

    // Assess
    expect(error.headers).toEqual({ 'Retry-After': '60' });
  });

  it('puts nothing in details but the errcode of an unexpected answer, so nothing from the request can leak', () => {
    // Act
    const errors = [40029, 45011, 40226, -1, 40125].map((errcode) => errorForErrcode(errcode)!);

    // Assess
    expect(errors.map((e) => e.details)).toEqual([undefined, undefined, undefined, undefined, { errcode: 40125 }]);
  });

  it('knows 40001 and 42001 as a rejected access token, and nothing else', () => {
    // Prepare, Act
    const codes = [...ACCESS_TOKEN_REJECTED_CODES].sort();

    // Assess
    expect(codes).toEqual([40001, 42001]);
  });
});
