import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Bytes that pass the magic-byte check: a PNG signature, padded to `size`. */
export function pngBytes(size = 1024): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

/** A throwaway image directory under .data/ (like the local store's own), removed by `drop`. */
export function testImageDir(): { dir: string; drop(): void } {
  const dir = join(process.cwd(), '.data', `test-news-images-${randomBytes(4).toString('hex')}`);
  return { dir, drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The fields an admin must send for a draft. */
export const draft = (title: string, extra: Record<string, unknown> = {}) => ({ title, authorName: '集团办公室', summary: `${title}摘要`, ...extra });
