/**
 * Where catalogue snapshots live (features/catalog/catalog-snapshots.ts): an S3 object on AWS,
 * a file under .data/ locally. Each version is its own object, written once and never changed,
 * so a reader that has a version's name always gets that version's bytes.
 */
export interface SnapshotStore {
  /** A stable description of where objects go, for logs and docs (bucket/prefix or directory). */
  readonly location: string;
  write(name: string, bytes: Uint8Array): Promise<void>;
  /** null if no object of that name exists. */
  read(name: string): Promise<Uint8Array | null>;
}
