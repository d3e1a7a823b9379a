import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { IMAGE_HEAD_BYTES, type NewsImageType } from '../../../shared';
import type { ImageStore, UploadGrant } from './image-store';

const objectKey = (imageId: string) => `news/${imageId}`;

/**
 * The AWS store: a private bucket; clients PUT through a pre-signed URL whose signature covers
 * the Content-Type and Content-Length they declared, and read through pre-signed GETs. S3 itself
 * cannot look at the bytes, so the service inspects the first ones (a ranged GET) before an item
 * may show an image, and deletes what is not what it claimed to be.
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
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: objectKey(imageId), ContentType: contentType, ContentLength: size });
    const uploadUrl = await getSignedUrl(this.s3, command, {
      expiresIn: this.ttlSeconds,
      signingDate: now,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      uploadUrl,
      headers: { 'content-type': contentType },
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

  readUrl(imageId: string, now: Date): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: objectKey(imageId) }), {
      expiresIn: this.ttlSeconds,
      signingDate: now,
    });
  }

  async remove(imageId: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey(imageId) }));
  }
}
