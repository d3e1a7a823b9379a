import Taro from '@tarojs/taro';
import { ApiError, NETWORK_ERROR_MESSAGE } from './api-error';
import { readSession } from './session-store';

/**
 * Downloads a file the API makes (the XLSX export) and opens it: a browser download in H5,
 * downloadFile + openDocument in WeChat, base64 from the cloud function in cloud mode.
 */
export async function openExport(path: string, fileName: string): Promise<void> {
  const token = readSession()?.token;
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(`/api${path}`, { headers: header });
    if (!res.ok) throw new ApiError(`HTTP_${res.status}`, '导出失败，请稍后重试', res.status);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await res.blob());
    link.download = fileName;
    link.click();
    return;
  }
  let filePath: string;
  if (process.env.TARO_APP_CLOUD_ENV) {
    const { result } = await wx.cloud.callFunction({ name: 'api', data: { method: 'GET', path: `/api${path}` } });
    const { status, body } = result as { status: number; body: { base64?: string } };
    if (status !== 200 || !body.base64) throw new ApiError(`HTTP_${status}`, '导出失败，请稍后重试', status);
    filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
    Taro.getFileSystemManager().writeFileSync(filePath, body.base64, 'base64');
  } else {
    const base = (process.env.TARO_APP_API_BASE || '/api').replace(/\/+$/, '');
    const res = await Taro.downloadFile({ url: `${base}${path}`, header }).catch(() => {
      throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
    });
    if (res.statusCode !== 200) throw new ApiError(`HTTP_${res.statusCode}`, '导出失败，请稍后重试', res.statusCode);
    filePath = res.tempFilePath;
  }
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
}
