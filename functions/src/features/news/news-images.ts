import { randomUUID } from 'node:crypto';
import { NEWS_COVER_BYTES_MAX, NEWS_IMAGE_BYTES_MAX, type NewsImageUpload, type NewsImageUploadRequest } from '../../../../shared';
import { ApiError } from '../../errors';
import { NEWS_IMAGE_EXTENSION, sniffImageType } from '../../../../shared';
import type { Infrastructure } from '../../infrastructure';

type Deps = Pick<Infrastructure, 'newsImages' | 'now'>;

export class ImageNotUploadedError extends ApiError {
  constructor(imageId: string, reason: string) {
    super(400, 'IMAGE_INVALID', `图片 ${imageId} ${reason}`);
  }
}

/** Upload grants, and the check every image passes before an item may show it. */
export class NewsImages {
  constructor(private readonly deps: Deps) {}

  async grant(request: NewsImageUploadRequest): Promise<NewsImageUpload> {
    const imageId = `${request.groupId}.${randomUUID()}.${NEWS_IMAGE_EXTENSION[request.contentType]}`;
    const grant = await this.deps.newsImages.grantUpload(
      { imageId, contentType: request.contentType, size: request.size },
      this.deps.now(),
    );
    return { imageId, ...grant };
  }

  /**
   * Each image must have been uploaded for this group, be a JPEG/PNG/WebP by its bytes, of the
   * type its id says, and within the limit: 2 MB, or 200 KB for the cover (what lists show).
   * On S3 a failing object is deleted: nothing unchecked stays in the bucket under our name.
   */
  async verify(groupId: string, imageIds: string[], coverId: string | null): Promise<void> {
    const all = [...new Set([...imageIds, ...(coverId ? [coverId] : [])])];
    await Promise.all(
      all.map(async (id) => {
        if (!id.startsWith(`${groupId}.`)) throw new ImageNotUploadedError(id, '不属于本集团');
        const found = await this.deps.newsImages.inspect(id);
        if (!found) throw new ImageNotUploadedError(id, '尚未上传');
        const type = sniffImageType(found.head);
        const limit = id === coverId ? NEWS_COVER_BYTES_MAX : NEWS_IMAGE_BYTES_MAX;
        if (!type || NEWS_IMAGE_EXTENSION[type] !== id.slice(id.lastIndexOf('.') + 1)) {
          await this.deps.newsImages.remove(id);
          throw new ImageNotUploadedError(id, '不是有效的 JPEG、PNG 或 WebP 图片');
        }
        if (found.size > limit) {
          if (found.size > NEWS_IMAGE_BYTES_MAX) await this.deps.newsImages.remove(id);
          throw new ImageNotUploadedError(
            id,
            `超过 ${Math.round(limit / 1024)} KB${id === coverId ? '（封面用于列表，需不超过 200 KB）' : ''}`,
          );
        }
      }),
    );
  }
}
