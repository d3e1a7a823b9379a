import Taro from '@tarojs/taro';
import { ApiError } from '../../../api/api-error';

/** One try at a smaller file: the picked image at a JPEG quality (0–1) and a scale of its size. */
export type Compressor = (path: string, quality: number, scale: number) => Promise<{ path: string; data: ArrayBuffer }>;

/** Gentle first: a phone photo usually fits at 0.8 and full size; then smaller and rougher. */
export const ATTEMPTS: ReadonlyArray<{ quality: number; scale: number }> = [
  { quality: 0.8, scale: 1 },
  { quality: 0.6, scale: 1 },
  { quality: 0.6, scale: 0.7 },
  { quality: 0.5, scale: 0.5 },
  { quality: 0.4, scale: 0.35 },
];

export const cannotFitMessage = (limit: number) => `图片压缩后仍超过 ${Math.round(limit / 1024)} KB，请换一张较小的图片，或先裁剪后再上传`;

/**
 * Makes a picked image fit `limit` bytes on the device (there is no image processing on the
 * server): the original if it already fits, else the first attempt that fits. When none
 * does, or the device cannot compress, the user is told in Chinese what to do instead.
 */
export async function compressToFit(
  picked: { path: string; data: ArrayBuffer },
  limit: number,
  compress: Compressor = deviceCompressor(),
): Promise<{ path: string; data: ArrayBuffer; compressed: boolean }> {
  if (picked.data.byteLength <= limit) return { ...picked, compressed: false };
  for (const { quality, scale } of ATTEMPTS) {
    let smaller: { path: string; data: ArrayBuffer };
    try {
      smaller = await compress(picked.path, quality, scale);
    } catch {
      throw new ApiError('CANNOT_COMPRESS', `无法在本机压缩这张图片，请换一张不超过 ${Math.round(limit / 1024)} KB 的图片`, 0);
    }
    if (smaller.data.byteLength <= limit) return { ...smaller, compressed: true };
  }
  throw new ApiError('IMAGE_TOO_LARGE', cannotFitMessage(limit), 0);
}

/** Most photos are far wider than any phone screen; 1280 px is plenty for a list cover. */
const MAX_EDGE = 1280;

function deviceCompressor(): Compressor {
  return process.env.TARO_ENV === 'h5' ? canvasCompressor : weappCompressor;
}

/** H5: draw on a canvas at the scale, export JPEG at the quality. */
const canvasCompressor: Compressor = async (path, quality, scale) => {
  const image = await new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new window.Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = path;
  });
  const fit = Math.min(1, MAX_EDGE / Math.max(image.naturalWidth, image.naturalHeight)) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * fit));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * fit));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  // A transparent PNG would turn black as JPEG: paint white under it.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', quality),
  );
  return { path: URL.createObjectURL(blob), data: await blob.arrayBuffer() };
};

/** Weapp: WeChat's own compressImage (quality 0–100; compressedWidth where the base library has it). */
const weappCompressor: Compressor = async (path, quality, scale) => {
  const info = await Taro.getImageInfo({ src: path });
  const width = Math.round(Math.min(info.width, MAX_EDGE) * scale);
  const { tempFilePath } = await Taro.compressImage({ src: path, quality: Math.round(quality * 100), compressedWidth: width } as never);
  const data = await new Promise<ArrayBuffer>((resolve, reject) =>
    Taro.getFileSystemManager().readFile({ filePath: tempFilePath, success: (r) => resolve(r.data as ArrayBuffer), fail: reject }),
  );
  return { path: tempFilePath, data };
};
