/**
 * npm start: DynamoDB Local (persistent under .data/ unless --in-memory), the table, the seed
 * data, the H5 build when its sources changed (unless --api-only), and the local server with
 * the API at /api and the app at / on http://127.0.0.1:$PORT.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { startLocalServer } from '../functions/src/adapters/node-server';
import { readConfig } from '../functions/src/config';
import { createCore } from '../functions/src/core';
import { ensureTable } from '../functions/src/db/ensure-table';
import { loadSeed } from '../functions/src/features/catalog/seed/load-seed';
import { startDynamoDbLocal } from './lib/dynamodb-local';
import { localSecrets } from './lib/local-secrets';
import { writeFileSync } from 'node:fs';
import { buildH5, h5BuildIsStale } from './lib/h5-build';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'in-memory': { type: 'boolean', default: false },
      'api-only': { type: 'boolean', default: false },
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      // Where DynamoDB Local keeps its files and pid; tests point it at a temporary folder.
      'data-dir': { type: 'string', default: join(ROOT, '.data') },
    },
  });
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

  console.log(`[1/4] DynamoDB Local (${values['in-memory'] ? 'in memory' : `data in ${join(values['data-dir'], 'dynamodb')}`}) ...`);
  const dynamo = await startDynamoDbLocal({
    dbPath: values['in-memory'] ? null : join(values['data-dir'], 'dynamodb'),
    stateDir: values['data-dir'],
    name: 'start',
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server?.close();
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // Last resort if something throws after java started: never leave it orphaned.
  process.on('exit', () => {
    try {
      process.kill(dynamo.pid, 'SIGKILL');
    } catch {
      /* already stopped */
    }
  });

  const env = {
    ...localSecrets(join(values['data-dir'], 'secrets.json')),
    ...process.env,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    // The demo's role switcher (家长/教师/集团管理员/区管理员); only this local server honours it.
    AUTH_DEV_LOGIN: process.env.AUTH_DEV_LOGIN ?? '1',
  };
  const config = readConfig(env, 'local');
  const core = createCore(config);
  // For `npm run admin` while this runs: where the local table is.
  writeFileSync(
    join(values['data-dir'], 'local-endpoint.json'),
    JSON.stringify({ endpoint: dynamo.endpoint, tableName: config.tableName }),
  );
  const created = await ensureTable(core.db as never, config.tableName);
  console.log(`[2/4] table "${config.tableName}" ${created}; loading seed data ...`);
  const total = await loadSeed(core.infra.catalog, (written, all) => {
    process.stdout.write(`\r      seed: ${written}/${all} items`);
  });
  process.stdout.write(`\r      seed: ${total} items written (idempotent)\n`);

  let staticDir: string | null = null;
  if (values['api-only']) {
    console.log('[3/4] --api-only: H5 build skipped');
  } else {
    if (h5BuildIsStale(ROOT)) {
      console.log('[3/4] building the H5 app (sources changed) ...');
      buildH5(ROOT);
    } else {
      console.log('[3/4] H5 build is up to date');
    }
    staticDir = join(ROOT, 'miniprogram', 'dist-h5');
  }

  server = await startLocalServer({ app: core.app, port: Number(values.port), staticDir });
  console.log(
    `[4/4] ready\n\n  ${staticDir ? 'App' : 'API'}: ${server.url}${staticDir ? '/' : '/api'}\n  API: ${server.url}/api/districts\n\nCtrl-C stops the server and DynamoDB Local.`,
  );
}

let server: Awaited<ReturnType<typeof startLocalServer>> | undefined;

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
