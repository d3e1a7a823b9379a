import type { NewsImageType } from '../../../shared';

export interface UploadGrant {
  /** Absolute (S3) or relative to the API's origin (local store). */
  uploadUrl: string;
  /** Send exactly these with the PUT: the signature covers them (on S3, If-None-Match makes it upload-once). */
  headers: Record<string, string>;
  expiresAt: string;
}

/**
 * Where news images live: S3 on AWS (pre-signed PUT and GET), a directory under .data/ locally.
 * Clients upload straight to the URL they are given, and the bytes are checked (type from the
 * magic bytes, size) before an item may show them. Each id takes one upload: what was checked
 * cannot be swapped later through a URL that is still valid.
 */
export interface ImageStore {
  grantUpload(input: { imageId: string; contentType: NewsImageType; size: number }, now: Date): Promise<UploadGrant>;
  /** The stored size and first bytes, or null if nothing was uploaded under this id. */
  inspect(imageId: string): Promise<{ size: number; head: Uint8Array } | null>;
  /** A URL that shows the image for a limited time (the bucket itself is private). */
  readUrl(imageId: string, now: Date): Promise<string>;
  remove(imageId: string): Promise<void>;
}
