import type { S3Client } from '@aws-sdk/client-s3';
import type { SnapshotStore } from './snapshot-store';

/** The prefix the API writes snapshots under (infra grants exactly this one). */
export const SNAPSHOT_PREFIX = 'catalog-snapshots/';

/**
 * AWS: one private object per snapshot version. The S3 client is loaded on first use, so a
 * container that never needs a snapshot (or has one already) does not pay for the SDK at start.
 */
export class S3SnapshotStore implements SnapshotStore {
  private client: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | null = null;

  constructor(
    private readonly bucket: string,
    private readonly region: string,
  ) {}

  get location(): string {
    return `s3://${this.bucket}/${SNAPSHOT_PREFIX}`;
  }

  private s3() {
    this.client ??= import('@aws-sdk/client-s3').then((sdk) => ({ sdk, s3: new sdk.S3Client({ region: this.region }) }));
    return this.client;
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    const { s3, sdk } = await this.s3();
    await s3.send(new sdk.PutObjectCommand({ Bucket: this.bucket, Key: SNAPSHOT_PREFIX + name, Body: bytes, IfNoneMatch: '*' }));
  }

  async read(name: string): Promise<Uint8Array | null> {
    const { s3, sdk } = await this.s3();
    try {
      const object = await s3.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: SNAPSHOT_PREFIX + name }));
      return (await object.Body?.transformToByteArray()) ?? null;
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey' || (error as Error).name === 'NotFound') return null;
      throw error;
    }
  }
}
