import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const zip = promisify(gzip);
const unzip = promisify(gunzip);

/**
 * A snapshot object: [MAGIC][format, u32 LE][chunk count, u32 LE][per chunk: gzip length, raw
 * length, u32 LE each][the chunks' gzip members, one after another]. Each chunk is one part of
 * the snapshot (CatalogView.encode) compressed on its own, so a load inflates them at once on
 * libuv's threadpool instead of one 80 MB stream on one core, each straight into the buffer the
 * view then reads (no join, which would copy every byte and allocate them twice).
 */
const MAGIC = 0x50414e53; // 'SNAP' read as a little-endian u32: a gzip object (1f 8b …) never starts so.
const HEAD = 12;
const ENTRY = 8;

export async function compressChunks(parts: Uint8Array[], format: number): Promise<Uint8Array> {
  const chunks = await Promise.all(parts.map((part) => zip(part)));
  const out = new Uint8Array(HEAD + ENTRY * parts.length + chunks.reduce((sum, c) => sum + c.byteLength, 0));
  const table = new DataView(out.buffer);
  table.setUint32(0, MAGIC, true);
  table.setUint32(4, format, true);
  table.setUint32(8, parts.length, true);
  let at = HEAD + ENTRY * parts.length;
  chunks.forEach((chunk, i) => {
    table.setUint32(HEAD + ENTRY * i, chunk.byteLength, true);
    table.setUint32(HEAD + ENTRY * i + 4, parts[i].byteLength, true);
    out.set(chunk, at);
    at += chunk.byteLength;
  });
  return out;
}

/** How many chunks an object of this layout holds. */
export function chunkCount(object: Uint8Array): number {
  return new DataView(object.buffer, object.byteOffset, object.byteLength).getUint32(8, true);
}

/** The parts, each in a buffer of its own; null for an object of another format or none of these (a gzip object published before FORMAT 4). */
export async function decompressChunks(object: Uint8Array, format: number): Promise<Uint8Array[] | null> {
  const table = new DataView(object.buffer, object.byteOffset, object.byteLength);
  if (object.byteLength < HEAD || table.getUint32(0, true) !== MAGIC || table.getUint32(4, true) !== format) return null;
  const count = chunkCount(object);
  const chunks: Array<{ from: number; packed: number; raw: number }> = [];
  let from = HEAD + ENTRY * count;
  for (let i = 0; i < count; i++) {
    const packed = table.getUint32(HEAD + ENTRY * i, true);
    chunks.push({ from, packed, raw: table.getUint32(HEAD + ENTRY * i + 4, true) });
    from += packed;
  }
  if (from !== object.byteLength) throw new Error('catalogue snapshot: chunk sizes do not match the object');
  return Promise.all(
    chunks.map(async ({ from, packed, raw }) => {
      // One output buffer of the part's size: zlib's default, 16 KB, costs a threadpool round
      // trip per 16 KB (3× slower) and a join. One byte over, so zlib sees the end without another.
      const bytes = await unzip(object.subarray(from, from + packed), { chunkSize: Math.max(raw + 1, 64) });
      if (bytes.byteLength !== raw) throw new Error('catalogue snapshot: a chunk is not the size its table says');
      return bytes;
    }),
  );
}
