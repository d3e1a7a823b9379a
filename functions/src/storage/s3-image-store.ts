import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { IMAGE_HEAD_BYTES, type NewsImageType } from '../../../shared';
import type { ImageStore, UploadGrant } from './image-store';

/** The presigner is loaded by the first signed URL, not at start-up (docs/performance.md). */
const presigner = () => import('@aws-sdk/s3-request-presigner');

const objectKey = (imageId: string) => `news/${imageId}`;

/**
 * The client the store signs with. By default the SDK puts a CRC32 of the (still empty) body
 * into a pre-signed PUT, which S3 then holds the real upload to and refuses; checksums are
 * left to S3 unless an operation requires one.
 */
export const imageBucketClient = (config: S3ClientConfig) => new S3Client({ ...config, requestChecksumCalculation: 'WHEN_REQUIRED' });

/**
 * The AWS store: a private bucket; clients PUT through a pre-signed URL whose signature covers
 * the Content-Type and Content-Length they declared, and read through pre-signed GETs. S3 itself
 * cannot look at the bytes, so the service inspects the first ones (a ranged GET) before an item
 * may show an image, and deletes what is not what it claimed to be.
 *
 * An object is written once: the PUT is signed with `If-None-Match: *` (S3 conditional writes),
 * so S3 refuses (412) any PUT to a key that exists, even through a URL that is still valid. What
 * was checked when an item was saved is what readers get for as long as the item shows it.
 * (Content-addressed keys would need the client to hash the image before asking for a URL, and
 * S3 to check that hash; one signed header keeps the ids and the client as they are.)
 */
export class S3ImageStore implements ImageStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly ttlSeconds: number,
  ) {}

  async grantUpload(
    { imageId, contentType, size }: { imageId: string; contentType: NewsImageType; size: number },
    now: Date,
  ): Promise<UploadGrant> {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: objectKey(imageId),
      ContentType: contentType,
      ContentLength: size,
      IfNoneMatch: '*',
    });
    const { getSignedUrl } = await presigner();
    const uploadUrl = await getSignedUrl(this.s3, command, {
      expiresIn: this.ttlSeconds,
      signingDate: now,
      signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
    });
    return {
      uploadUrl,
      headers: { 'content-type': contentType, 'if-none-match': '*' },
      expiresAt: new Date(now.getTime() + this.ttlSeconds * 1000).toISOString(),
    };
  }

  async inspect(imageId: string): Promise<{ size: number; head: Uint8Array } | null> {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey(imageId) }));
      const first = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: objectKey(imageId), Range: `bytes=0-${IMAGE_HEAD_BYTES - 1}` }),
      );
      return { size: Number(head.ContentLength ?? 0), head: (await first.Body?.transformToByteArray()) ?? new Uint8Array() };
    } catch (error) {
      if ((error as Error).name === 'NotFound' || (error as Error).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async readUrl(imageId: string, now: Date): Promise<string> {
    const { getSignedUrl } = await presigner();
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: objectKey(imageId) }), {
      expiresIn: this.ttlSeconds,
      signingDate: now,
    });
  }

  async remove(imageId: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey(imageId) }));
  }
}
