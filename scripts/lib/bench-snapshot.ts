import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { batchWrite } from '../../functions/src/db/batch-write';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { keys } from '../../functions/src/db/keys';
import { CatalogRepository } from '../../functions/src/features/catalog/catalog-repository';
import { loadCatalog, readCatalogContent } from '../../functions/src/features/catalog/catalog-snapshots';
import { CatalogView } from '../../functions/src/features/catalog/domain/catalog-snapshot';
import type { CatalogItems } from '../../functions/src/features/catalog/catalog-snapshots';
import { buildSearchDocument } from '../../functions/src/features/catalog/domain/search/search-document';
import { LocalSnapshotStore } from '../../functions/src/storage/local-snapshot-store';
import { heapOfView } from './bench-search';
import { seconds } from './bench-stats';
import { startDynamoDbLocal } from './dynamodb-local';

const ROOT = join(__dirname, '..', '..');
/**
 * The app's client (functions/src/db/client.ts) gives one attempt 5 s, which DynamoDB answers in
 * milliseconds; DynamoDB Local holding 216,000 items in memory takes longer than that for the
 * full read's parallel 1 MB query pages on 2 cores, so the bench's own client waits for them.
 */
function benchClient(endpoint: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: 'cn-north-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: { requestTimeout: 300_000 },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
 * write time, and the snapshot (AP70 + one object), with the heap the loaded view takes.
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

    await catalog.snapshots.write('bench.bin.gz', snapshot);
    await catalog.putSnapshotVersion({ name: 'bench.bin.gz', publishedAt: Date.now(), schools });
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) loads.push(await seconds(() => loadCatalog(catalog)));
    const raw = gunzipSync(snapshot);
    const load = median(loads);
    console.log(
      `  snapshot: ${(snapshot.byteLength / 2 ** 20).toFixed(1)} MB gzip (${(raw.byteLength / 2 ** 20).toFixed(0)} MB raw); cold load (AP70 + file + gunzip + decode, median of 5) ${(load * 1000).toFixed(0)} ms (goal ≤ 500 ms)`,
    );
    console.log(`  full read / snapshot load: ${(before / load).toFixed(0)}× faster (goal ≥ 10×)`);
    heapOfView(() => CatalogView.decode(gunzipSync(snapshot))!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dynamo.stop();
  }
}
