import Taro from '@tarojs/taro';
import { IMAGE_HEAD_BYTES, sniffImageType } from '../../../../../shared/news/news-image-type';
import { NEWS_COVER_BYTES_MAX, NEWS_IMAGE_BYTES_MAX } from '../../../../../shared/news/news-limits';
import { ApiError } from '../../../api/api-error';
import { requestImageUpload, uploadImageBytes } from '../../../api/news';
import { compressToFit } from './compress-image';

function readFile(path: string): Promise<ArrayBuffer> {
  // H5 hands out blob: URLs; the weapp a temp path for the file-system manager.
  if (process.env.TARO_ENV === 'h5') return fetch(path).then((r) => r.arrayBuffer());
  return new Promise((resolve, reject) =>
    Taro.getFileSystemManager().readFile({ filePath: path, success: (r) => resolve(r.data as ArrayBuffer), fail: reject }),
  );
}

const typeOf = (data: ArrayBuffer) => sniffImageType(new Uint8Array(data.slice(0, IMAGE_HEAD_BYTES)));

/**
 * Choose, check, shrink and upload one image. The server checks type and size again (and the
 * bytes); checking here first spares an upload that would be refused. Covers are what lists
 * show, so WeChat's 200 KB guideline is their limit: a phone photo over it is compressed on the
 * device until it fits, and the user is told in Chinese when it cannot be.
 */
export async function pickAndUpload(groupId: string, purpose: 'cover' | 'image'): Promise<{ id: string; url: string } | null> {
  const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => null);
  const path = chosen?.tempFilePaths[0];
  if (!path) return null;
  const original = await readFile(path);
  if (!typeOf(original)) throw new ApiError('UNSUPPORTED_IMAGE', '只支持 JPEG、PNG、WebP 图片', 0);
  const limit = purpose === 'cover' ? NEWS_COVER_BYTES_MAX : NEWS_IMAGE_BYTES_MAX;
  const fitted = await compressToFit({ path, data: original }, limit);
  const type = typeOf(fitted.data);
  if (!type) throw new ApiError('UNSUPPORTED_IMAGE', '只支持 JPEG、PNG、WebP 图片', 0);
  const grant = await requestImageUpload(groupId, type, fitted.data.byteLength);
  await uploadImageBytes(grant, fitted.data);
  // Shown from the local file until the item is saved and the server signs a URL for it.
  return { id: grant.imageId, url: fitted.path };
}
