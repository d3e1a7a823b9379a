import { performance } from 'node:perf_hooks';
import { CatalogRepository } from '../../functions/src/features/catalog/catalog-repository';
import { loadCatalog } from '../../functions/src/features/catalog/catalog-snapshots';
import { CatalogView, SNAPSHOT_FORMAT } from '../../functions/src/features/catalog/domain/catalog-snapshot';
import { normalizeText } from '../../functions/src/features/catalog/domain/search/normalize';
import { decompressChunks } from '../../functions/src/storage/snapshot-chunks';
import { LocalSnapshotStore } from '../../functions/src/storage/local-snapshot-store';
import { LIMIT, QUERIES } from './bench-search';
import { benchClient } from './bench-snapshot';

/** What one cold container measured, in ms (bench-snapshot.ts prints the medians). */
export interface ColdLoad {
  load: number;
  read: number;
  inflate: number;
  decode: number;
  firstSearch: number;
  firstPass: number;
  slowest: { query: string; ms: number };
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

/**
 * One container's cold load in a fresh process, whose heap holds only what a container's does
 * (the bench's own process holds every school's items and documents, and a load's 80 MB of
 * buffers make V8 collect all of it). Its client has made one AP70 call, as a container's has by
 * its first search.
 */
async function probe(endpoint: string, table: string, dir: string): Promise<ColdLoad> {
  const catalog = new CatalogRepository(benchClient(endpoint), table, new LocalSnapshotStore(dir));
  await catalog.getSnapshotVersion();
  const [loaded, load] = await timed(() => loadCatalog(catalog));
  // Texts are decoded as searches reach them: the first searches after a load pay for that.
  const first = [];
  for (const raw of QUERIES) {
    const query = normalizeText(raw);
    first.push({ query: raw, ms: (await timed(() => loaded.view.index.search({ query, limit: LIMIT })))[1] });
  }
  // The same steps again, one by one: where the load goes.
  const [object, read] = await timed(async () => (await catalog.snapshots.read((await catalog.getSnapshotVersion())!.name))!);
  const [parts, inflate] = await timed(async () => (await decompressChunks(object, SNAPSHOT_FORMAT))!);
  const [, decode] = await timed(() => CatalogView.decode(parts));
  return {
    load,
    read,
    inflate,
    decode,
    firstSearch: first[0].ms,
    firstPass: first.reduce((sum, f) => sum + f.ms, 0),
    slowest: first.reduce((a, b) => (b.ms > a.ms ? b : a)),
  };
}

const [endpoint, table, dir] = process.argv.slice(2);
probe(endpoint, table, dir).then(
  (result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
