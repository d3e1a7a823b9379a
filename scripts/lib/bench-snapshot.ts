import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { batchWrite } from '../../functions/src/db/batch-write';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { keys } from '../../functions/src/db/keys';
import { CatalogRepository } from '../../functions/src/features/catalog/catalog-repository';
import { loadCatalog, readCatalogContent, viewOfSnapshot } from '../../functions/src/features/catalog/catalog-snapshots';
import { CatalogView, SNAPSHOT_FORMAT } from '../../functions/src/features/catalog/domain/catalog-snapshot';
import type { CatalogItems } from '../../functions/src/features/catalog/catalog-snapshots';
import { normalizeText } from '../../functions/src/features/catalog/domain/search/normalize';
import { buildSearchDocument } from '../../functions/src/features/catalog/domain/search/search-document';
import { chunkCount, decompressChunks } from '../../functions/src/storage/snapshot-chunks';
import { LocalSnapshotStore } from '../../functions/src/storage/local-snapshot-store';
import { checkRanking, heapOfView, LIMIT, QUERIES } from './bench-search';
import type { ColdLoad } from './bench-snapshot-probe';
import { measure, median, seconds } from './bench-stats';
import { startDynamoDbLocal } from './dynamodb-local';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);
/**
 * The app's client (functions/src/db/client.ts) gives one attempt 5 s, which DynamoDB answers in
 * milliseconds; DynamoDB Local holding 216,000 items in memory takes longer than that for the
 * full read's parallel 1 MB query pages on 2 cores, so the bench's own client waits for them.
 */
export function benchClient(endpoint: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: 'cn-north-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: { requestTimeout: 300_000 },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

const mb = (bytes: number) => bytes / 2 ** 20;
const ms = (s: number) => (s * 1000).toFixed(0);

/**
 * Today's full read and index build (seconds), in a function of its own so that what it read is
 * garbage before the snapshot loads are timed.
 */
async function fullRead(catalog: CatalogRepository): Promise<number> {
  let read!: CatalogItems;
  const readSeconds = await seconds(async () => (read = await readCatalogContent(catalog)));
  const places = new Map(read.districts.map((d) => [d.id, d]));
  const documentSeconds = await seconds(() => read.schools.map((s) => buildSearchDocument(s, places.get(s.districtId)!)));
  const buildSeconds = await seconds(() => CatalogView.build(read));
  const before = readSeconds + documentSeconds + buildSeconds;
  console.log(
    `  baseline, today's full read: ${before.toFixed(2)} s (read ${readSeconds.toFixed(2)} s + documents ${documentSeconds.toFixed(2)} s + index ${buildSeconds.toFixed(2)} s)`,
  );
  console.log(
    `  full read with keys stored at write time (the fallback on a table with no snapshot): ${(readSeconds + buildSeconds).toFixed(2)} s`,
  );
  return before;
}

/** The catalogue's items into the bench's table, in 4 streams. */
async function writeTable(db: DynamoDBDocumentClient, content: CatalogItems): Promise<void> {
  const items = tableItems(content);
  const writeSeconds = await seconds(async () => {
    const streams = 4;
    const chunk = Math.ceil(items.length / streams);
    await Promise.all(
      Array.from({ length: streams }, (_, i) =>
        batchWrite(
          db,
          'bench-catalog',
          items.slice(i * chunk, (i + 1) * chunk).map((Item) => ({ PutRequest: { Item } })),
        ),
      ),
    );
  });
  console.log(`  wrote ${items.length.toLocaleString('en')} items in ${writeSeconds.toFixed(0)} s`);
}

/** One cold container (bench-snapshot-probe.ts) against the bench's table and snapshot directory. */
async function coldLoad(endpoint: string, dir: string): Promise<ColdLoad> {
  const probe = join(__dirname, 'bench-snapshot-probe.ts');
  const { stdout } = await run(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', probe, endpoint, 'bench-catalog', dir], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ColdLoad;
}

/** The catalogue's items with their keys, as the seed loader writes them. */
function tableItems(content: CatalogItems): Array<Record<string, unknown>> {
  return [
    ...content.districts.map((d) => ({ ...keys.district(d.id), ...keys.districtIndex(d.id), ...d })),
    ...content.groups.map((g) => ({ ...keys.group(g.id), ...keys.groupInDistrict(g.districtId, g.id), ...g })),
    ...content.schools.map((s) => ({ ...keys.school(s.id), ...keys.schoolInDistrict(s.districtId, s.id), ...s })),
    ...content.memberships.map((m) => ({ ...keys.membership(m.groupId, m.schoolId, m.districtId), ...m })),
  ];
}

/**
 * A container's cold load at national scale, on DynamoDB Local (in memory): today's full read
 * (every district's groups, schools and memberships, then the search documents and the index
 * built from them, as every container did every 60 s), the same read with the keys stored at
 * write time, and the snapshot (AP70 + one object) loaded in fresh processes as a cold
 * container loads it, with where its time goes, the first searches after it, the loaded view's
 * agreement with the linear scan and its p99, and the memory it takes.
 */
export async function benchSnapshot(content: CatalogItems, snapshot: Uint8Array): Promise<void> {
  const schools = content.schools.length;
  console.log(`\nCatalogue cold load: ${schools.toLocaleString('en')} schools on DynamoDB Local (in memory)`);
  const dynamo = await startDynamoDbLocal({ dbPath: null, stateDir: join(ROOT, '.data'), name: 'bench-snapshot' });
  const dir = mkdtempSync(join(tmpdir(), 'catalog-snapshots-'));
  try {
    const db = benchClient(dynamo.endpoint);
    await ensureTable(db as never, 'bench-catalog');
    const catalog = new CatalogRepository(db, 'bench-catalog', new LocalSnapshotStore(dir));
    await writeTable(db, content);

    const before = await fullRead(catalog);

    const name = `bench.v${SNAPSHOT_FORMAT}.bin`;
    await catalog.snapshots.write(name, snapshot);
    await catalog.putSnapshotVersion({ name, publishedAt: Date.now(), schools });
    const cold: ColdLoad[] = [];
    for (let i = 0; i < 5; i++) cold.push(await coldLoad(dynamo.endpoint, dir));
    const at = (pick: (c: ColdLoad) => number) => median(cold.map(pick)).toFixed(0);
    const load = median(cold.map((c) => c.load)) / 1000;
    const slowest = cold.map((c) => c.slowest).sort((a, b) => a.ms - b.ms)[2];
    const parts = (await decompressChunks(snapshot, SNAPSHOT_FORMAT))!;
    console.log(
      `  snapshot: ${mb(snapshot.byteLength).toFixed(1)} MB in ${chunkCount(snapshot)} gzip chunks (${mb(parts.reduce((sum, p) => sum + p.byteLength, 0)).toFixed(0)} MB raw)`,
    );
    console.log(
      `  cold load in a fresh process, as a container's (AP70 + object + decompression + decode, median of 5): ${ms(load)} ms (goal ≤ 500 ms)`,
    );
    console.log(
      `    the same steps again, one by one: AP70 + object read ${at((c) => c.read)} ms, decompression ${at((c) => c.inflate)} ms, decode ${at((c) => c.decode)} ms`,
    );
    console.log(
      `    first search after the load: ${at((c) => c.firstSearch)} ms (${QUERIES[0]}); first pass over all ${QUERIES.length} queries ${at((c) => c.firstPass)} ms, slowest ${slowest.ms.toFixed(0)} ms (${slowest.query})`,
    );
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) loads.push(await seconds(() => loadCatalog(catalog)));
    const here = median(loads);
    console.log(
      `  the same load in the bench's own process (its heap holds every school's items and documents, which the load's 80 MB of buffers make V8 collect; median of 5): ${ms(here)} ms`,
    );
    console.log(
      `  full read / snapshot load: ${(before / load).toFixed(0)}× faster (goal ≥ 10×; ${(before / here).toFixed(0)}× in the bench's process)`,
    );

    const docs = content.schools.map((s) => ({ id: s.id, districtId: s.districtId, displayName: s.name, ...s.search }));
    const queries = QUERIES.map(normalizeText);
    const loaded = (await viewOfSnapshot(snapshot))!;
    checkRanking(loaded, docs, queries);
    const timed = measure(queries, 50, (query) => loaded.index.search({ query, limit: LIMIT }));
    console.log(
      `  loaded view: index = linear scan on all ${queries.length} queries (first page, second page, one district); search p50 ${timed.p50.toFixed(3)} ms, p99 ${timed.p99.toFixed(3)} ms (goal ≤ 5 ms)`,
    );
    await heapOfView(
      async () => (await viewOfSnapshot(snapshot))!,
      (view) => checkRanking(view, docs, queries),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dynamo.stop();
  }
}
