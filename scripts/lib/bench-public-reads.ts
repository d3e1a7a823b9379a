import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalServer } from '../../functions/src/adapters/node-server';
import { readConfig } from '../../functions/src/config';
import { createCore } from '../../functions/src/core';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { loadSeed } from '../../functions/src/features/catalog/seed/load-seed';
import { createLogger } from '../../functions/src/log/logger';
import { inFlight } from '../../functions/src/in-flight';
import { percentile } from './bench-stats';
import { startDynamoDbLocal } from './dynamodb-local';
import { benchEnv } from './bench-env';

const ROOT = join(__dirname, '..', '..');
const IN_FLIGHT = 32;
const REQUESTS = Number(process.env.BENCH_READS ?? 2000);
export const PUBLIC_READS = ['/api/health', '/api/districts', `/api/schools?q=${encodeURIComponent('经八路')}`, '/api/schools?q=sy'];

/**
 * Requests per second of the public catalogue reads on the local server (seed data, DynamoDB
 * Local in memory), 32 in flight; GET /api/health is the server's floor in the same run.
 */
export async function benchPublicReads(): Promise<void> {
  console.log(`\nPublic reads on the local server, ${IN_FLIGHT} in flight, ${REQUESTS} requests each (seed catalogue):`);
  const dynamo = await startDynamoDbLocal({ dbPath: null, stateDir: join(ROOT, '.data'), name: 'bench-reads' });
  try {
    const env = benchEnv('bench-reads', dynamo.endpoint);
    const core = createCore(readConfig(env, 'local'), { logger: createLogger(undefined, 'silent') });
    await ensureTable(core.db as never, 'bench-reads');
    await loadSeed(core.infra.catalog);
    const server = await startLocalServer({ app: core.app, port: 0 });
    try {
      for (const path of PUBLIC_READS) {
        const get = async () => {
          const started = performance.now();
          const res = await fetch(server.url + path);
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
          return performance.now() - started;
        };
        for (let i = 0; i < 50; i++) await get();
        const times: number[] = [];
        const started = performance.now();
        await inFlight(
          Array.from({ length: REQUESTS }, () => async () => void times.push(await get())),
          IN_FLIGHT,
        );
        const rate = REQUESTS / ((performance.now() - started) / 1000);
        times.sort((a, b) => a - b);
        console.log(
          `  ${decodeURIComponent(path).padEnd(24)} ${rate.toFixed(0).padStart(6)} req/s   p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms`,
        );
      }
    } finally {
      await server.close();
    }
  } finally {
    await dynamo.stop();
  }
}
