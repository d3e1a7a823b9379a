import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/**
 * A snapshot object: [MAGIC][format, u32 LE][chunk count, u32 LE][per chunk: gzip length, raw
 * length, u32 LE each][the chunks' gzip members, one after another]. The raw bytes are cut into
 * chunks compressed on their own, so a load inflates them at once on libuv's threadpool instead
 * of one 86 MB stream on one core; the table of sizes lets each be inflated straight to its place.
 */
const MAGIC = 0x50414e53; // 'SNAP' read as a little-endian u32: a gzip object (1f 8b …) never starts so.
const HEAD = 12;
const ENTRY = 8;

/** Raw bytes per chunk: 86 MB at 200,000 schools makes 11, enough to keep every thread of the pool busy. */
export const CHUNK_BYTES = 8 << 20;

export async function compressChunks(raw: Uint8Array, format: number, chunkBytes = CHUNK_BYTES): Promise<Uint8Array> {
  const count = Math.max(1, Math.ceil(raw.byteLength / chunkBytes));
  const chunks = await Promise.all(
    Array.from({ length: count }, (_, i) => zip(raw.subarray(i * chunkBytes, Math.min(raw.byteLength, (i + 1) * chunkBytes)))),
  );
  const out = new Uint8Array(HEAD + ENTRY * count + chunks.reduce((sum, c) => sum + c.byteLength, 0));
  const table = new DataView(out.buffer);
  table.setUint32(0, MAGIC, true);
  table.setUint32(4, format, true);
  table.setUint32(8, count, true);
  let at = HEAD + ENTRY * count;
  chunks.forEach((chunk, i) => {
    table.setUint32(HEAD + ENTRY * i, chunk.byteLength, true);
    table.setUint32(HEAD + ENTRY * i + 4, Math.min(chunkBytes, raw.byteLength - i * chunkBytes), true);
    out.set(chunk, at);
    at += chunk.byteLength;
  });
  return out;
}

/**
 * The raw bytes, in one buffer of their own (offset 0, so every typed array on them is aligned);
 * null for an object of another format or none of these (a gzip object published before FORMAT 4).
 */
export async function decompressChunks(object: Uint8Array, format: number): Promise<Uint8Array | null> {
  const table = new DataView(object.buffer, object.byteOffset, object.byteLength);
  if (object.byteLength < HEAD || table.getUint32(0, true) !== MAGIC || table.getUint32(4, true) !== format) return null;
  const count = table.getUint32(8, true);
  const chunks: Array<{ from: number; packed: number; to: number; raw: number }> = [];
  let from = HEAD + ENTRY * count;
  let to = 0;
  for (let i = 0; i < count; i++) {
    const packed = table.getUint32(HEAD + ENTRY * i, true);
    const raw = table.getUint32(HEAD + ENTRY * i + 4, true);
    chunks.push({ from, packed, to, raw });
    from += packed;
    to += raw;
  }
  if (from !== object.byteLength) throw new Error('catalogue snapshot: chunk sizes do not match the object');
  const out = new Uint8Array(to);
  await Promise.all(
    chunks.map(async (c) => {
      // One output buffer per chunk (the default, 16 KB, costs a threadpool round trip per 16 KB: 3× slower).
      const bytes = await unzip(object.subarray(c.from, c.from + c.packed), { chunkSize: Math.max(c.raw, 64) });
      if (bytes.byteLength !== c.raw) throw new Error('catalogue snapshot: a chunk is not the size its table says');
      out.set(bytes, c.to);
    }),
  );
  return out;
}
