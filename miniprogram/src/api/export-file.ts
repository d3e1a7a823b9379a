import Taro from '@tarojs/taro';
import { ApiError } from './api-error';
import { downloadApiFile } from './api-file';
import { readSession } from './session-store';

/**
 * Downloads a file the API makes (the XLSX export) and opens it: a browser download in H5,
 * downloadApiFile + openDocument in WeChat.
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
  const filePath = await downloadApiFile(path, fileName, '导出失败，请稍后重试');
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
}
