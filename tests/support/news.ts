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
export const draft = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  authorName: '集团办公室',
  summary: `${title}摘要`,
  ...extra,
});

/**
 * A real, decodable PNG (browsers load it as an image), of `width` × `height` pixels: grey-blue,
 * or random noise, which no compressor shrinks losslessly (a phone photo's size without a photo).
 */
export function decodablePng(width = 64, height = 48, pixels: 'flat' | 'noise' = 'flat'): Buffer {
  const { crc32, deflateSync } = require('node:zlib') as typeof import('node:zlib') & { crc32(data: Buffer): number };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = () => Buffer.concat([Buffer.from([0]), pixels === 'noise' ? randomBytes(width * 3) : Buffer.alloc(width * 3, 0x6a)]);
  const data = deflateSync(Buffer.concat(Array.from({ length: height }, row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
