import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { CATALOG_COLUMNS, CATALOG_IMPORT_MAX_ROWS, BUILTIN_GROUP_TYPES } from '../../shared';
import { readConfig } from '../../functions/src/config';
import { createCore } from '../../functions/src/core';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { DistrictWrites } from '../../functions/src/features/catalog/district-writes';
import { validateCatalogRows } from '../../functions/src/features/catalog/import/import-rows';
import { createLogger } from '../../functions/src/log/logger';
import { namedRows, readTable } from '../../functions/src/spreadsheet/read-table';
import { catalogCsv, catalogImportBody, syntheticCatalogRows } from '../../tests/support/catalog-import';
import { startDynamoDbLocal } from './dynamodb-local';
import { benchEnv } from './bench-env';

const ROOT = join(__dirname, '..', '..');
const SCHOOLS = Number(process.env.BENCH_CATALOG_SCHOOLS ?? 5000);
/** infra/lib/api-function.ts: the API Lambda's memory and timeout. */
const LAMBDA_MEMORY_MB = 512;
const LAMBDA_TIMEOUT_S = 29;
const LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** Peak RSS and heap while `fn` runs, sampled every 20 ms (and once at the end). */
async function peakMemory<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; rssMb: number; heapMb: number }> {
  // Collected first (npm run bench runs with --expose-gc), so a step's peak is not the last one's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await fn();
    sample();
    return { result, seconds: (performance.now() - started) / 1000, rssMb: rss / 2 ** 20, heapMb: heap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function xlsxOf(csv: Buffer): Promise<Buffer> {
  const [header, ...rows] = await readTable('csv', csv, CATALOG_IMPORT_MAX_ROWS);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('学校目录');
  for (const row of [header, ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * The catalogue import of SCHOOLS new schools (1 group per 5) in one request, on DynamoDB Local
 * in memory, each step beside the one before it in the same run: reading and checking the file
 * alone (no table), the preview through the API (adds the district's reads and the plan), the
 * apply (adds the writes and the catalogue's publication). Peak RSS and heap against the API
 * Lambda's memory; the request's size against Lambda's 6 MB payload limit.
 */
export async function benchCatalogImport(): Promise<void> {
  console.log(`\nCatalogue import: ${SCHOOLS.toLocaleString('en')} new schools in one request, on DynamoDB Local (in memory)`);
  const dynamo = await startDynamoDbLocal({ dbPath: null, stateDir: join(ROOT, '.data'), name: 'bench-catalog-import' });
  try {
    const csv = catalogCsv(syntheticCatalogRows(SCHOOLS));
    const xlsx = await xlsxOf(csv);
    for (const [format, file] of [
      ['csv', csv],
      ['xlsx', xlsx],
    ] as const) {
      // A table per format, so the second publication reads only its own 5,000 schools.
      const tableName = `bench-catalog-import-${format}`;
      const env = benchEnv(tableName, dynamo.endpoint, { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000' });
      const core = createCore(readConfig(env, 'local'), { logger: createLogger(undefined, 'silent') });
      await ensureTable(core.db as never, tableName);
      const districts = new DistrictWrites(core.db, tableName);
      const body = catalogImportBody(file, { format, apply: true });
      const bytes = Buffer.byteLength(JSON.stringify(body));
      console.log(
        `  ${format.toUpperCase()}: request ${(bytes / 1e6).toFixed(2)} MB (${((bytes / LAMBDA_PAYLOAD_BYTES) * 100).toFixed(0)}% of Lambda's 6 MB)`,
      );
      (globalThis as { gc?: () => void }).gc?.();
      const idle = process.memoryUsage();
      console.log(
        `    the bench process before the import (files and tables held): RSS ${(idle.rss / 2 ** 20).toFixed(0)} MB, heap ${(idle.heapUsed / 2 ** 20).toFixed(0)} MB`,
      );
      const parse = await peakMemory(async () => {
        const rows = namedRows(await readTable(format, file, CATALOG_IMPORT_MAX_ROWS), CATALOG_COLUMNS, CATALOG_IMPORT_MAX_ROWS);
        return validateCatalogRows(rows, { schools: [], groups: [], groupTypes: BUILTIN_GROUP_TYPES });
      });
      const districtId = `bench-${format}`;
      await districts.putDistrict({ id: districtId, name: `${format}区`, city: '测试市', province: '山东省' });
      const adminToken = await districtAdminToken(core, districtId);
      const preview = await peakMemory(() => postAs(core, adminToken, districtId, { ...body, apply: false }));
      let writeSeconds = 0;
      const writes = core.infra.catalogImportWrites;
      const write = writes.write.bind(writes);
      writes.write = async (...args) => {
        const t = performance.now();
        await write(...args);
        writeSeconds = (performance.now() - t) / 1000;
      };
      const apply = await peakMemory(() => postAs(core, adminToken, districtId, body));
      writes.write = write;
      const line = (label: string, r: { seconds: number; rssMb: number; heapMb: number }) =>
        console.log(
          `    ${label.padEnd(52)} ${r.seconds.toFixed(2).padStart(6)} s   peak RSS ${r.rssMb.toFixed(0)} MB, heap ${r.heapMb.toFixed(0)} MB`,
        );
      line('baseline: read + check the file alone', parse);
      line('preview (apply: false): + district reads + plan', preview);
      line('apply: + writes + publish the catalogue', apply);
      console.log(
        `    of which the BatchWriteItem calls ${writeSeconds.toFixed(2)} s; publish ≈ ${(apply.seconds - preview.seconds - writeSeconds).toFixed(2)} s` +
          `   (Lambda: ${LAMBDA_MEMORY_MB} MB, ${LAMBDA_TIMEOUT_S} s)`,
      );
    }
  } finally {
    await dynamo.stop();
  }
}

async function districtAdminToken(core: ReturnType<typeof createCore>, districtId: string): Promise<string> {
  const res = await core.app.request('/api/auth/dev', { method: 'POST', body: JSON.stringify({ role: 'district_admin', districtId }) });
  return ((await res.json()) as { token: string }).token;
}

/** One import request through the app, as the API Lambda runs it; anything but a clean 200 stops the bench. */
async function postAs(core: ReturnType<typeof createCore>, token: string, districtId: string, body: unknown) {
  const res = await core.app.request(`/api/admin/districts/${districtId}/catalog/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { applied?: boolean; errors?: unknown[] };
  if (res.status !== 200 || (answer.errors?.length ?? 0) > 0)
    throw new Error(`import: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
  return answer;
}

if (require.main === module) {
  benchCatalogImport().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
