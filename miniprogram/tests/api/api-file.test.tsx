import Taro from '@tarojs/taro';
import { ApiError } from '../../src/api/api-error';
import { downloadSurveyQrCode } from '../../src/api/survey-invites';

type CallFunction = (options: { name: string; data: unknown }) => Promise<{ result: unknown }>;

/**
 * The survey poster's mini-program code, fetched the two ways a weapp build reaches the API:
 * over HTTPS (downloadFile) and, in cloud mode, through the `api` cloud function, whose result
 * is JSON and so carries the PNG as base64.
 */
describe('downloading an API file on weapp', () => {
  const savedEnv = { ...process.env };
  const written: Array<{ filePath: string; data: string; encoding: string }> = [];

  const downloadFile = jest.fn();

  beforeEach(() => {
    written.length = 0;
    downloadFile.mockReset();
    // The jsdom Taro has no file system: the test's stands in for WeChat's.
    Object.assign(Taro, {
      env: { USER_DATA_PATH: 'wxfile://usr' },
      downloadFile,
      getFileSystemManager: () => ({
        writeFileSync: (filePath: string, data: string, encoding: string) => written.push({ filePath, data, encoding }),
      }),
    });
  });
  afterEach(() => {
    process.env = { ...savedEnv };
    delete (globalThis as { wx?: unknown }).wx;
    jest.restoreAllMocks();
  });

  test('in cloud mode, asks the api function for the code and writes its base64 PNG to a local file', async () => {
    // Prepare
    process.env.TARO_APP_CLOUD_ENV = 'env-1';
    const callFunction = jest.fn<ReturnType<CallFunction>, Parameters<CallFunction>>().mockResolvedValue({
      result: { status: 200, body: { contentType: 'image/png', base64: 'iVBORw0KGgo=' } },
    });
    (globalThis as { wx?: unknown }).wx = { cloud: { callFunction } };

    // Act
    const filePath = await downloadSurveyQrCode('sv-1', 'jn-jingbalu-ps');

    // Assess
    expect(callFunction).toHaveBeenCalledWith({
      name: 'api',
      data: { method: 'GET', path: '/api/admin/surveys/sv-1/schools/jn-jingbalu-ps/qrcode' },
    });
    expect(downloadFile).not.toHaveBeenCalled();
    expect(written).toEqual([{ filePath, data: 'iVBORw0KGgo=', encoding: 'base64' }]);
    expect(filePath).toBe('wxfile://usr/survey-code-sv-1-jn-jingbalu-ps.png');
  });

  test('in cloud mode, a refused code (WeChat said no) is the poster’s own message, not a broken image', async () => {
    // Prepare
    process.env.TARO_APP_CLOUD_ENV = 'env-1';
    const callFunction = jest.fn<ReturnType<CallFunction>, Parameters<CallFunction>>().mockResolvedValue({
      result: { status: 502, body: { error: { code: 'WECHAT_UNAVAILABLE', message: '微信服务暂时不可用' } } },
    });
    (globalThis as { wx?: unknown }).wx = { cloud: { callFunction } };

    // Act
    const failure = await downloadSurveyQrCode('sv-1', 'jn-jingbalu-ps').catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 502, message: '小程序码生成失败，请稍后重试' });
    expect(written).toEqual([]);
  });

  test('over HTTPS, downloads the code from the configured base', async () => {
    // Prepare
    process.env.TARO_APP_CLOUD_ENV = '';
    process.env.TARO_APP_API_BASE = 'https://api.example.cn/api/';
    downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'http://tmp/code.png', errMsg: 'downloadFile:ok' });

    // Act
    const filePath = await downloadSurveyQrCode('sv-1', 'jn-jingbalu-ps');

    // Assess
    expect(filePath).toBe('http://tmp/code.png');
    expect(downloadFile.mock.calls[0][0]).toMatchObject({
      url: 'https://api.example.cn/api/admin/surveys/sv-1/schools/jn-jingbalu-ps/qrcode',
    });
    expect(written).toEqual([]);
  });
});
