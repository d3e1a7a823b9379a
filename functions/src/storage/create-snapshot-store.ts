import type { ServerConfig } from '../config';
import { LocalSnapshotStore } from './local-snapshot-store';
import { S3SnapshotStore } from './s3-snapshot-store';
import type { SnapshotStore } from './snapshot-store';

/** S3 when the stack named a bucket, a directory per table otherwise. */
export function createSnapshotStore(config: Pick<ServerConfig, 'catalogSnapshots' | 'region' | 'tableName'>): SnapshotStore {
  const { bucket, dir } = config.catalogSnapshots;
  if (bucket) return new S3SnapshotStore(bucket, config.region);
  return new LocalSnapshotStore(`${dir}/${config.tableName}`);
}
