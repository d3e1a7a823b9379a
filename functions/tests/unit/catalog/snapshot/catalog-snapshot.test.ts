import { gzipSync } from 'node:zlib';
import { snapshotObject, viewOfSnapshot } from '../../../../src/features/catalog/catalog-snapshots';
import { CatalogView, SNAPSHOT_FORMAT } from '../../../../src/features/catalog/domain/catalog-snapshot';
import { buildSearchDocument } from '../../../../src/features/catalog/domain/search/search-document';
import { normalizeText } from '../../../../src/features/catalog/domain/search/normalize';
import type { SearchRequest } from '../../../../src/features/catalog/domain/search/search-index';
import { compressChunks } from '../../../../src/storage/snapshot-chunks';
import { syntheticCatalog, syntheticSchools } from '../../../../../scripts/lib/synthetic-schools';

/** The bench's generator at a small size: names, pinyin, districts, groups and coordinates. */
const content = syntheticCatalog(syntheticSchools(1200, 5).map((s) => buildSearchDocument(s, s.place)));
const built = CatalogView.build(content);
/** Every query class: exact, prefix and substring names, traditional script, pinyin, initials, one letter, none. */
const queries = ['经八路', '實驗', '实验', '小学', '第六十八', '47中', 'jingbalu', 'sy', 'yuying', 'q', 'z', '不存在的学校', undefined];

/** The first page, the page after it and one district's page of each query, with every hit as shown. */
function pagesOf(view: CatalogView) {
  return queries.flatMap((raw) => {
    const query = raw === undefined ? undefined : normalizeText(raw);
    const requests: SearchRequest[] = [
      { query, limit: 20 },
      { query, limit: 20, districtId: 'd1' },
    ];
    const first = view.index.search(requests[0]);
    if (first.next) requests.push({ query, limit: 20, after: first.next });
    return requests.map((request) => {
      const page = view.index.search(request);
      return { request, hits: page.hits.map((h) => view.hit(h.ordinal, '2026-2')), next: page.next };
    });
  });
}

describe('the catalogue snapshot', () => {
  it('loads to a view that answers every search as the view it was made from', async () => {
    // Prepare
    const object = await snapshotObject(built);
    // Act
    const loaded = (await viewOfSnapshot(object))!;
    // Assess: broad queries too, whose second pages start from a cursor.
    const expected = pagesOf(built);
    expect(expected.filter((p) => p.hits.length === 20).length).toBeGreaterThan(10);
    expect(pagesOf(loaded)).toEqual(expected);
  });

  it('shows the same hit for every school, Han names, groups and districts included', async () => {
    // Prepare
    const loaded = (await viewOfSnapshot(await snapshotObject(built)))!;
    const all = Array.from({ length: built.index.size }, (_, o) => o);
    // Act
    const hits = all.map((o) => loaded.hit(o, '2026-2'));
    // Assess
    expect(hits).toEqual(all.map((o) => built.hit(o, '2026-2')));
    expect(loaded.districts).toEqual(built.districts);
    const centre = content.schools[0].location!;
    expect(built.nearby(centre, 10)).toHaveLength(10);
    expect(loaded.nearby(centre, 10)).toEqual(built.nearby(centre, 10));
  });

  it('encodes a loaded view to the same parts as the view it was loaded from', () => {
    // Prepare
    const parts = built.encode();
    // Act
    const again = CatalogView.decode(parts)!.encode();
    // Assess
    expect(again.map((part) => Buffer.from(part).toString('base64'))).toEqual(parts.map((part) => Buffer.from(part).toString('base64')));
  });

  it('decodes parts that do not start on an 8-byte boundary (Buffers from a pool)', () => {
    // Prepare: the same bytes, each part one byte into a larger buffer.
    const shifted = built.encode().map((part) => {
      const larger = new Uint8Array(part.byteLength + 1);
      larger.set(part, 1);
      return larger.subarray(1);
    });
    // Act
    const view = CatalogView.decode(shifted)!;
    // Assess
    expect(view.hit(0, '2026-2')).toEqual(built.hit(0, '2026-2'));
    expect(pagesOf(view)).toEqual(pagesOf(built));
  });

  it('loads an object published before format 4 (one gzip stream) as no snapshot, so the table is read', async () => {
    // Prepare: what publishCatalog wrote until format 4.
    const object = gzipSync(Buffer.concat(built.encode()));
    // Act
    const view = await viewOfSnapshot(object);
    // Assess
    expect(view).toBeNull();
  });

  it('loads an object of an earlier format in chunks as no snapshot', async () => {
    // Prepare
    const object = await compressChunks(built.encode(), SNAPSHOT_FORMAT - 1);
    // Act
    const view = await viewOfSnapshot(object);
    // Assess
    expect(view).toBeNull();
  });

  it('decodes parts labelled with an earlier format to null', () => {
    // Prepare: part 0 is the header JSON.
    const [header, ...sections] = built.encode();
    const older = Buffer.from(
      Buffer.from(header)
        .toString()
        .replace(`"format":${SNAPSHOT_FORMAT}`, `"format":${SNAPSHOT_FORMAT - 1}`),
    );
    // Act
    const decoded = CatalogView.decode([older, ...sections]);
    // Assess
    expect(decoded).toBeNull();
  });
});
