import Taro from '@tarojs/taro';

export interface PickedFile {
  name: string;
  format: 'xlsx' | 'csv';
  base64: string;
}

const formatOf = (name: string): PickedFile['format'] | null => (/\.xlsx$/i.test(name) ? 'xlsx' : /\.csv$/i.test(name) ? 'csv' : null);

/**
 * One XLSX or CSV file as base64, for the rotation and catalogue imports (the API takes JSON, so
 * the cloud function can carry it too): a file input in a desktop browser, a file from a chat in
 * WeChat. null if none was chosen.
 */
export async function pickSpreadsheet(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'h5') return pickInBrowser();
  const picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] }).catch(() => null);
  const file = picked?.tempFiles[0];
  const format = file && formatOf(file.name);
  if (!file || !format) return null;
  const base64 = Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
  return { name: file.name, format, base64 };
}

function pickInBrowser(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv';
    input.id = 'spreadsheet-file-input';
    input.style.display = 'none';
    // Attached, so browsers (and tests) treat it like any file field.
    document.body.appendChild(input);
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      const format = file && formatOf(file.name);
      if (!file || !format) return resolve(null);
      const reader = new FileReader();
      reader.onload = () => resolve({ name: file.name, format, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(file);
    });
    input.click();
  });
}
