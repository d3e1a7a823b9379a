import Taro from '@tarojs/taro';
import { ApiError, messageOf } from '../../src/api/api-error';
import { saveProblem, summaryOf } from '../../src/api/field-errors';
import { searchSchools } from '../../src/api/catalog';
import { request, RetryableError } from '../../src/api/request';

type CallFunction = (options: { name: string; data: unknown }) => Promise<{ result: unknown }>;

/** The build bakes these in; in jest they are read from process.env at call time. */
function configureBuild({ apiBase, cloudEnv }: { apiBase?: string; cloudEnv?: string }) {
  process.env.TARO_APP_API_BASE = apiBase ?? '';
  process.env.TARO_APP_CLOUD_ENV = cloudEnv ?? '';
}

function fakeCloud(callFunction: jest.Mock<ReturnType<CallFunction>, Parameters<CallFunction>>) {
  (globalThis as { wx?: unknown }).wx = { cloud: { init: jest.fn(), callFunction } };
  return callFunction;
}

const httpAnswer = (statusCode: number, data: unknown) => ({ statusCode, data, header: {}, cookies: [], errMsg: 'request:ok' });

describe('request(), the one way pages reach the API', () => {
  const savedEnv = { ...process.env };

  afterEach(() => {
    process.env = { ...savedEnv };
    delete (globalThis as { wx?: unknown }).wx;
    jest.restoreAllMocks();
  });

  test('uses Taro.request on the configured HTTPS base when no cloud env is set', async () => {
    // Prepare
    configureBuild({ apiBase: 'https://api.example.cn/api/' });
    const http = jest.spyOn(Taro, 'request').mockResolvedValue(httpAnswer(200, { items: [], nextCursor: null }) as never);

    // Act
    const result = await searchSchools({ q: '经八路', district: undefined, limit: 20, cursor: null });

    // Assess
    expect(result).toEqual({ items: [], nextCursor: null });
    expect(http).toHaveBeenCalledTimes(1);
    expect(http.mock.calls[0][0]).toMatchObject({
      url: `https://api.example.cn/api/schools?q=${encodeURIComponent('经八路')}&limit=20`,
      method: 'GET',
    });
  });

  test('falls back to same-origin /api when no base is configured (the H5 build)', async () => {
    // Prepare
    configureBuild({});
    const http = jest.spyOn(Taro, 'request').mockResolvedValue(httpAnswer(200, { items: [] }) as never);

    // Act
    await request({ path: '/districts' });

    // Assess
    expect(http.mock.calls[0][0]).toMatchObject({ url: '/api/districts' });
  });

  test('calls the `api` cloud function with method, full path and query when a cloud env is set', async () => {
    // Prepare
    configureBuild({ apiBase: 'https://api.example.cn/api', cloudEnv: 'prod-1a2b' });
    const http = jest.spyOn(Taro, 'request');
    const callFunction = fakeCloud(jest.fn().mockResolvedValue({ result: { status: 200, body: { id: 'jn-jingwu' } } }));

    // Act
    const result = await request({ path: '/groups/jn-jingwu', query: { lang: 'zh', empty: '', none: undefined } });

    // Assess
    expect(result).toEqual({ id: 'jn-jingwu' });
    expect(callFunction).toHaveBeenCalledWith({
      name: 'api',
      data: { method: 'GET', path: '/api/groups/jn-jingwu', query: { lang: 'zh' }, body: undefined },
    });
    expect(http).not.toHaveBeenCalled();
  });

  test.each([
    ['HTTP', () => jest.spyOn(Taro, 'request').mockResolvedValue(httpAnswer(400, badQuery) as never), {}],
    ['cloud', () => fakeCloud(jest.fn().mockResolvedValue({ result: { status: 400, body: badQuery } })), { cloudEnv: 'prod-1a2b' }],
  ])('turns a non-2xx %s answer into an ApiError carrying the server’s code and Chinese message', async (_name, stub, build) => {
    // Prepare
    configureBuild(build);
    stub();

    // Act
    const failure = await request({ path: '/schools', query: { q: 'x'.repeat(51) } }).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'BAD_QUERY', message: '搜索词应为 1 到 50 个字', status: 400 });
  });

  test('a validation failure says what is wrong with the field, and saveProblem keeps it per field', async () => {
    // Prepare: the server's 400 names the author field.
    configureBuild({ apiBase: 'https://api.example.cn/api' });
    const details = [{ path: 'authorName', message: '请填写作者' }];
    jest
      .spyOn(Taro, 'request')
      .mockResolvedValue(httpAnswer(400, { error: { code: 'VALIDATION_FAILED', message: '请填写作者', details } }) as never);

    // Act
    const failure = await request({ method: 'POST', path: '/admin/groups/g/news', body: { title: 't' } }).catch((e: unknown) => e);

    // Assess: the toast text and the field's message are the server's words, not a generic one.
    expect(messageOf(failure)).toBe('请填写作者');
    expect(saveProblem(failure)).toEqual({ message: '请填写作者', conflict: false, fields: { authorName: '请填写作者' } });
  });

  test('summaryOf repeats no message that is already beside its field, and keeps one that is not', () => {
    // Prepare
    const failure = (paths: string[]) =>
      new ApiError(
        'VALIDATION_FAILED',
        '请填写标题',
        400,
        paths.map((path) => ({ path, message: `${path} 有误` })),
      );

    // Act
    const allBeside = summaryOf(failure(['title', 'date']), ['title', 'date'], '请修改标出的项');
    const oneElsewhere = summaryOf(failure(['title', 'groupId']), ['title', 'date'], '请修改标出的项');
    const noFields = summaryOf(new ApiError('CONFLICT', '已被他人修改', 409), ['title'], '请修改标出的项');

    // Assess
    expect(allBeside).toBe('请修改标出的项');
    expect(oneElsewhere).toBe('请填写标题');
    expect(noFields).toBe('已被他人修改');
  });

  test('an older server’s generic 请求参数不正确 gives way to the first field’s own message', async () => {
    // Prepare
    configureBuild({ apiBase: 'https://api.example.cn/api' });
    const details = [
      { path: 'title', message: '请填写标题' },
      { path: 'authorName', message: '请填写作者' },
    ];
    jest
      .spyOn(Taro, 'request')
      .mockResolvedValue(httpAnswer(400, { error: { code: 'VALIDATION_FAILED', message: '请求参数不正确', details } }) as never);

    // Act
    const failure = await request({ method: 'POST', path: '/admin/groups/g/news', body: {} }).catch((e: unknown) => e);

    // Assess
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: '请填写标题', details });
  });

  test('gives a generic Chinese message when an error answer is not the API’s own (e.g. a gateway page)', async () => {
    // Prepare
    configureBuild({ apiBase: 'https://api.example.cn/api' });
    jest.spyOn(Taro, 'request').mockResolvedValue(httpAnswer(502, '<html>Bad Gateway</html>') as never);

    // Act
    const failure = await request({ path: '/districts' }).catch((e: unknown) => e);

    // Assess
    expect(failure).toMatchObject({ code: 'HTTP_502', status: 502, message: '服务暂时不可用，请稍后重试' });
  });

  test('reports a request that never got an answer as a NETWORK error', async () => {
    // Prepare
    configureBuild({ apiBase: 'https://api.example.cn/api' });
    jest.spyOn(Taro, 'request').mockRejectedValue({ errMsg: 'request:fail timeout' });

    // Act
    const failure = await request({ path: '/districts' }).catch((e: unknown) => e);

    // Assess
    expect(failure).toMatchObject({ code: 'NETWORK', status: 0, message: '网络连接失败，请检查网络后重试' });
  });

  test('treats a cloud answer without a status as a failure rather than data', async () => {
    // Prepare
    configureBuild({ cloudEnv: 'prod-1a2b' });
    fakeCloud(jest.fn().mockResolvedValue({ result: null }));

    // Act
    const failure = await request({ path: '/districts' }).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: 'BAD_CLOUD_RESULT', status: 0 });
  });

  describe('a store outage (503 STORE_UNAVAILABLE)', () => {
    // The wait asked for is 0 s here, so the automatic retry of a read does not slow the suite.
    const outage = httpAnswer(503, {
      error: { code: 'STORE_UNAVAILABLE', message: '服务暂时繁忙，请稍后重试', details: { retryAfterSeconds: 0 } },
    });

    test('becomes a retryable error with the server’s message and wait', async () => {
      // Prepare
      configureBuild({ apiBase: 'https://api.example.cn/api' });
      const http = jest.spyOn(Taro, 'request').mockResolvedValue(outage as never);

      // Act
      const failure = await request({ method: 'POST', path: '/me/schools', body: { schoolId: 'jn-jingbalu-ps' } }).catch((e: unknown) => e);

      // Assess: a write is sent once, never again silently.
      expect(failure).toBeInstanceOf(RetryableError);
      expect(failure).toMatchObject({
        code: 'STORE_UNAVAILABLE',
        status: 503,
        retryable: true,
        retryAfterSeconds: 0,
        message: '服务暂时繁忙，请稍后重试',
      });
      expect(http).toHaveBeenCalledTimes(1);
    });

    test('a read is retried once by itself, and its answer is used', async () => {
      // Prepare
      configureBuild({ apiBase: 'https://api.example.cn/api' });
      const http = jest
        .spyOn(Taro, 'request')
        .mockResolvedValueOnce(outage as never)
        .mockResolvedValueOnce(httpAnswer(200, { items: ['ok'] }) as never);

      // Act
      const result = await request({ path: '/districts' });

      // Assess
      expect(result).toEqual({ items: ['ok'] });
      expect(http).toHaveBeenCalledTimes(2);
    });

    test('a read that fails again is reported, after one retry only', async () => {
      // Prepare
      configureBuild({ apiBase: 'https://api.example.cn/api' });
      const http = jest.spyOn(Taro, 'request').mockResolvedValue(outage as never);

      // Act
      const failure = await request({ path: '/districts' }).catch((e: unknown) => e);

      // Assess
      expect(failure).toBeInstanceOf(RetryableError);
      expect(http).toHaveBeenCalledTimes(2);
    });
  });
});

const badQuery = { error: { code: 'BAD_QUERY', message: '搜索词应为 1 到 50 个字' } };
