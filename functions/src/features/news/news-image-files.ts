import { NEWS_IMAGE_BYTES_MAX, type NewsImageType } from '../../../../shared';
import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { ImageTooLargeError, LocalImageStore } from '../../storage/local-image-store';

/** What a signed local URL carries: the grant's type and size (uploads), the expiry and the signature. */
export type SignedImageQuery = Record<string, string | undefined>;

/**
 * The local store answers its own signed URLs (upload and download through the API); on AWS
 * the URLs point at S3, so these answer 404 like any link that names nothing.
 */
export class NewsImageFiles {
  constructor(private readonly infra: Pick<Infrastructure, 'newsImages'>) {}

  private local(): LocalImageStore {
    const store = this.infra.newsImages;
    if (!(store instanceof LocalImageStore)) throw new NotFoundError('图片链接无效或已过期');
    return store;
  }

  /** An upload: refused by its declared length before a byte is read, then checked by the store. */
  async receive(imageId: string, query: SignedImageQuery, upload: Request): Promise<void> {
    const store = this.local();
    if (Number(upload.headers.get('content-length') ?? 0) > NEWS_IMAGE_BYTES_MAX) throw new ImageTooLargeError(NEWS_IMAGE_BYTES_MAX);
    await store.put(imageId, query, upload);
  }

  read(imageId: string, query: SignedImageQuery): Promise<{ bytes: Uint8Array; contentType: NewsImageType }> {
    return this.local().read(imageId, query);
  }
}
