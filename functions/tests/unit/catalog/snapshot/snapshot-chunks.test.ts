import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { compressChunks, decompressChunks } from '../../../../src/storage/snapshot-chunks';

describe('a snapshot compressed in chunks', () => {
  // Part random, part repetitive, and not a multiple of the chunk size.
  const raw = new Uint8Array(Buffer.concat([randomBytes(5000), Buffer.alloc(12_345, 'abc'), randomBytes(777)]));

  it('decompresses to the same bytes, chunk after chunk, into one aligned buffer', async () => {
    // Prepare
    const object = await compressChunks(raw, 4, 4096);
    // Act
    const back = (await decompressChunks(object, 4))!;
    // Assess: 18,122 bytes in 4,096-byte chunks are 5 chunks, listed in the header.
    expect(new DataView(object.buffer, object.byteOffset).getUint32(8, true)).toBe(5);
    expect(Buffer.from(back).equals(Buffer.from(raw))).toBe(true);
    expect(back.byteOffset).toBe(0);
  });

  it('holds an empty snapshot as one empty chunk', async () => {
    // Act
    const back = await decompressChunks(await compressChunks(new Uint8Array(0), 4), 4);
    // Assess
    expect(back?.byteLength).toBe(0);
  });

  it('finds no snapshot in an object of another format or in a plain gzip object', async () => {
    // Prepare
    const other = await compressChunks(raw, 3, 4096);
    // Act
    const results = await Promise.all([
      decompressChunks(other, 4),
      decompressChunks(gzipSync(raw), 4),
      decompressChunks(new Uint8Array(3), 4),
    ]);
    // Assess
    expect(results).toEqual([null, null, null]);
  });

  it('refuses a truncated object rather than load part of a catalogue', async () => {
    // Prepare
    const object = await compressChunks(raw, 4, 4096);
    // Act
    const load = decompressChunks(object.subarray(0, object.byteLength - 10), 4);
    // Assess
    await expect(load).rejects.toThrow(/chunk sizes/);
  });
});
