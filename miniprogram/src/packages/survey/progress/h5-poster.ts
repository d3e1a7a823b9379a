import { qrCanvas } from './qr-canvas';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent } from './poster-drawing';

/** The survey link on this H5 site, e.g. https://example.cn/h5/#/packages/survey/answer/index?id=…&school=…. */
export const h5LinkOf = (h5Hash: string): string => `${window.location.origin}${window.location.pathname}${h5Hash}`;

/**
 * H5: the poster as a PNG data URL. The QR code is made here from the H5 link (qrcode), so no
 * WeChat call is needed (qr-canvas.h5.ts; the mini-program's build carries no QR library).
 */
export async function renderH5Poster(content: PosterContent, link: string): Promise<string> {
  const qr = await qrCanvas(link, 420);
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
