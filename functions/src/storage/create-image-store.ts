import type { ServerConfig } from '../config';
import type { ImageStore, UploadGrant } from './image-store';
import { LocalImageStore } from './local-image-store';

/**
 * The S3 store, opened by the first image operation: the S3 client and its module are loaded
 * then, not at every cold start (most requests never touch an image).
 */
class DeferredImageStore implements ImageStore {
  private store: Promise<ImageStore> | null = null;

  constructor(private readonly open: () => Promise<ImageStore>) {}

  private get(): Promise<ImageStore> {
    this.store ??= this.open();
    return this.store;
  }

  async grantUpload(input: Parameters<ImageStore['grantUpload']>[0], now: Date): Promise<UploadGrant> {
    return (await this.get()).grantUpload(input, now);
  }

  async inspect(imageId: string) {
    return (await this.get()).inspect(imageId);
  }

  async readUrl(imageId: string, now: Date): Promise<string> {
    return (await this.get()).readUrl(imageId, now);
  }

  async remove(imageId: string): Promise<void> {
    return (await this.get()).remove(imageId);
  }
}

/** S3 when the stack named a bucket, the local directory otherwise. */
export function createImageStore(config: ServerConfig, now: () => Date): ImageStore {
  const { bucket, dir, urlTtlSeconds } = config.newsImages;
  if (bucket) {
    return new DeferredImageStore(async () => {
      const { imageBucketClient, S3ImageStore } = await import('./s3-image-store');
      return new S3ImageStore(imageBucketClient({ region: config.region }), bucket, urlTtlSeconds);
    });
  }
  return new LocalImageStore(dir, config.auth.sessionSecret, urlTtlSeconds, now);
}
