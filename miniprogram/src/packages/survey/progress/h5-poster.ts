import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent } from './poster-drawing';

/** The survey link on this H5 site, e.g. https://example.cn/h5/#/packages/survey/answer/index?id=…&school=…. */
export const h5LinkOf = (h5Hash: string): string => `${window.location.origin}${window.location.pathname}${h5Hash}`;

/**
 * H5: the poster as a PNG data URL. The QR code is made here from the H5 link (qrcode), so no
 * WeChat call is needed; loaded only in the H5 build, keeping it out of the mini-program's bundle.
 */
export async function renderH5Poster(content: PosterContent, link: string): Promise<string> {
  // A constant condition: webpack drops the import from the weapp build, where the server makes the code.
  const QRCode = process.env.TARO_ENV === 'h5' ? await import('qrcode') : null;
  if (!QRCode) throw new Error('H5 only');
  const qr = document.createElement('canvas');
  await QRCode.toCanvas(qr, link, { width: 420, margin: 1, errorCorrectionLevel: 'M' });
  const canvas = document.createElement('canvas');
  canvas.width = POSTER_WIDTH;
  canvas.height = POSTER_HEIGHT;
  drawPoster(canvas.getContext('2d')!, content, qr);
  return canvas.toDataURL('image/png');
}

/** H5: saves the PNG through the browser's download (an <a download>). */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
