import type { ServerConfig } from '../config';
import type { ImageStore } from './image-store';
import { LocalImageStore } from './local-image-store';
import { imageBucketClient, S3ImageStore } from './s3-image-store';

/** S3 when the stack named a bucket, the local directory otherwise. */
export function createImageStore(config: ServerConfig, now: () => Date): ImageStore {
  const { bucket, dir, urlTtlSeconds } = config.newsImages;
  if (bucket) return new S3ImageStore(imageBucketClient({ region: config.region }), bucket, urlTtlSeconds);
  return new LocalImageStore(dir, config.auth.sessionSecret, urlTtlSeconds, now);
}
