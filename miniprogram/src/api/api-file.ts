import Taro from '@tarojs/taro';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';
import { readSession } from './session-store';

/**
 * weapp: fetches a file the API makes (an XLSX export, a mini-program code PNG) into a local
 * path. In cloud mode the `api` cloud function answers it as base64 (callFunction results are
 * JSON; functions/src/adapters/cloud.ts), written here under USER_DATA_PATH; over HTTPS it is a
 * plain downloadFile with the session's token. `failed` is what the user reads on a non-200.
 */
export async function downloadApiFile(path: string, fileName: string, failed: string): Promise<string> {
  if (process.env.TARO_APP_CLOUD_ENV) {
    const { result } = await wx.cloud.callFunction({ name: 'api', data: { method: 'GET', path: `/api${path}` } }).catch(() => {
      throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
    });
    const { status, body } = (result ?? {}) as { status?: number; body?: { base64?: string } };
    if (status !== 200 || !body?.base64) throw new ApiError(`HTTP_${status ?? 0}`, failed, status ?? 0);
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
    Taro.getFileSystemManager().writeFileSync(filePath, body.base64, 'base64');
    return filePath;
  }
  const token = readSession()?.token;
  const base = (process.env.TARO_APP_API_BASE || '/api').replace(/\/+$/, '');
  const res = await Taro.downloadFile({ url: `${base}${path}`, header: token ? { Authorization: `Bearer ${token}` } : {} }).catch(() => {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  });
  if (res.statusCode !== 200) throw new ApiError(`HTTP_${res.statusCode}`, failed, res.statusCode);
  return res.tempFilePath;
}
