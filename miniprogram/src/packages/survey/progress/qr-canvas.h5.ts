import QRCode from 'qrcode';

/** H5 build (Taro picks *.h5.ts there): the link's QR code on a canvas, made in the browser. */
export async function qrCanvas(link: string, size: number): Promise<HTMLCanvasElement> {
  const canvas = document.createElement('canvas');
  await QRCode.toCanvas(canvas, link, { width: size, margin: 1, errorCorrectionLevel: 'M' });
  return canvas;
}
