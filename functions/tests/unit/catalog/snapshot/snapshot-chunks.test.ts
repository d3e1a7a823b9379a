import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { chunkCount, compressChunks, decompressChunks } from '../../../../src/storage/snapshot-chunks';

describe('a snapshot compressed in chunks', () => {
  // Random, repetitive, empty and tiny parts.
  const parts = [randomBytes(5000), Buffer.alloc(12_345, 'abc'), Buffer.alloc(0), randomBytes(7)].map((b) => new Uint8Array(b));
  const base64 = (list: Uint8Array[]) => list.map((b) => Buffer.from(b).toString('base64'));

  it('decompresses each part to the same bytes, the larger ones in buffers of their own', async () => {
    // Prepare
    const object = await compressChunks(parts, 4);
    // Act
    const back = (await decompressChunks(object, 4))!;
    // Assess: a buffer of its own starts at offset 0, where typed arrays are aligned.
    expect(chunkCount(object)).toBe(4);
    expect(base64(back)).toEqual(base64(parts));
    expect(back[1].byteOffset).toBe(0);
  });

  it('finds no snapshot in an object of another format or in a plain gzip object', async () => {
    // Prepare
    const other = await compressChunks(parts, 3);
    // Act
    const results = await Promise.all([
      decompressChunks(other, 4),
      decompressChunks(gzipSync(parts[1]), 4),
      decompressChunks(new Uint8Array(3), 4),
    ]);
    // Assess
    expect(results).toEqual([null, null, null]);
  });

  it('refuses a truncated object rather than load part of a catalogue', async () => {
    // Prepare
    const object = await compressChunks(parts, 4);
    // Act
    const load = decompressChunks(object.subarray(0, object.byteLength - 10), 4);
    // Assess
    await expect(load).rejects.toThrow(/chunk sizes/);
  });
});
