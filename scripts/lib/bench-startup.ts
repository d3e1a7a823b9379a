import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDocumentClient } from '../../functions/src/db/client';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { CatalogRepository } from '../../functions/src/features/catalog/catalog-repository';
import { loadSeed } from '../../functions/src/features/catalog/seed/load-seed';
import { startDynamoDbLocal } from './dynamodb-local';
import { median } from './bench-stats';
import { bundleServer, type ServerTarget } from './server-bundle';
import { benchEnv } from './bench-env';

const ROOT = join(__dirname, '..', '..');
const RUNS = 9;
const run = promisify(execFile);

/**
 * One cold start in a fresh process: require the bundle and let its init finish (import + init),
 * then answer GET /api/districts through the runtime's own entry point, and list the lazy files
 * it loaded. The Lambda builds its core once its secrets resolve, in a promise callback after its
 * require returns (functions/src/adapters/lambda.ts); the turn of the event loop waited here
 * counts that build as init, as it is, instead of as part of the first response.
 */
const PROBE = `
const { performance } = require('node:perf_hooks');
const [target, file] = process.argv.slice(1);
const t0 = performance.now();
const mod = require(file);
new Promise((resolve) => setImmediate(resolve)).then(() => {
const t1 = performance.now();
const event = { version: '2.0', routeKey: '$default', rawPath: '/api/districts', rawQueryString: '', headers: { host: 'bench.invalid' },
  requestContext: { http: { method: 'GET', path: '/api/districts', sourceIp: '127.0.0.1', protocol: 'HTTP/1.1' }, domainName: 'bench.invalid', stage: '$default', requestId: 'r', timeEpoch: Date.now() },
  isBase64Encoded: false };
const answer = target === 'cloud' ? mod.main({ method: 'GET', path: '/api/districts' }) : mod.handler(event, { callbackWaitsForEmptyEventLoop: false });
Promise.resolve(answer).then((res) => {
  const t2 = performance.now();
  const loaded = Object.keys(require.cache).filter((k) => k.startsWith(require('node:path').dirname(file)));
  console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, status: res.statusCode ?? res.status, body: JSON.stringify(res.body).slice(0, 300), loaded }));
  process.exit(0);
});
});
`;

interface Probe {
  importMs: number;
  firstMs: number;
  status: number;
  body: string;
  loaded: string[];
}

/**
 * Start-up of the built WeChat cloud function and Lambda bundles against a bare hono app with
 * the DynamoDB client (scripts/lib/startup-baseline.ts), each bundled the same way and started
 * RUNS times in fresh processes against the same seeded DynamoDB Local.
 */
export async function benchStartup(): Promise<void> {
  console.log(
    `\nStart-up of the built bundles (median of ${RUNS} fresh processes each, the targets taking turns; first response = GET /api/districts on DynamoDB Local):`,
  );
  const dynamo = await startDynamoDbLocal({ dbPath: null, stateDir: join(ROOT, '.data'), name: 'bench-startup' });
  try {
    const db = createDocumentClient({ endpoint: dynamo.endpoint, region: 'cn-north-1' });
    await ensureTable(db as never, 'bench-startup');
    await loadSeed(new CatalogRepository(db, 'bench-startup'));
    const env = benchEnv('bench-startup', dynamo.endpoint, {
      AWS_REGION: 'cn-north-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      LOG_LEVEL: 'silent',
    });
    const targets: ServerTarget[] = ['baseline', 'cloud', 'lambda'];
    const built = new Map<ServerTarget, { file: string; mainBytes: number }>();
    for (const target of targets) {
      const outdir = join(ROOT, '.data', 'bench-bundles', target);
      const bundle = await bundleServer(target, outdir);
      built.set(target, { file: join(outdir, 'index.js'), mainBytes: bundle.mainBytes });
    }
    // Round-robin in a rotating order: the machine's speed drifts within a run, and a drift then
    // slows each target's starts alike instead of whichever target happened to run during it.
    const probes = new Map<ServerTarget, Probe[]>(targets.map((target) => [target, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const target of [...targets.slice(i % targets.length), ...targets.slice(0, i % targets.length)]) {
        const { stdout } = await run(process.execPath, ['-e', PROBE, target, built.get(target)!.file], { env, cwd: ROOT });
        const probe = JSON.parse(stdout.trim().split('\n').pop()!) as Probe;
        if (probe.status !== 200) throw new Error(`${target}: GET /api/districts answered ${probe.status} ${probe.body}`);
        probes.get(target)!.push(probe);
      }
    }
    const results = targets.map((target) => {
      const runs = probes.get(target)!;
      const loaded = runs[0].loaded;
      return {
        target,
        importMs: median(runs.map((p) => p.importMs)),
        totalMs: median(runs.map((p) => p.importMs + p.firstMs)),
        startKb: loaded.reduce((sum, f) => sum + statSync(f).size, 0) / 1024,
        mainKb: built.get(target)!.mainBytes / 1024,
        lazy: loaded.filter((f) => f.includes(`${join('lazy', '')}`)).map((f) => f.slice(f.lastIndexOf('/') + 1)),
      };
    });
    // What the cloud function loaded at start until it read WeChat's context itself
    // (functions/src/wechat/wx-context.ts): the "before" of its import, measured in this run.
    const sdk: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { stdout } = await run(
        process.execPath,
        ['-e', "const t=performance.now();require('wx-server-sdk');console.log(performance.now()-t)"],
        { env, cwd: ROOT },
      );
      sdk.push(Number(stdout.trim().split('\n').pop()));
    }
    const [baseline] = results;
    for (const r of results) {
      console.log(
        `  ${r.target.padEnd(9)} index.js ${r.mainKb.toFixed(0).padStart(5)} KB, loaded by the first response ${r.startKb.toFixed(0).padStart(5)} KB; import + init ${r.importMs.toFixed(0).padStart(4)} ms (${(r.importMs / baseline.importMs).toFixed(1)}× bare), to first response ${r.totalMs.toFixed(0).padStart(4)} ms (${(r.totalMs / baseline.totalMs).toFixed(1)}× bare)${r.lazy.length ? `; lazy files loaded: ${r.lazy.join(', ')}` : ''}`,
      );
    }
    console.log(
      `  before: the cloud function also required wx-server-sdk at start, which alone takes ${median(sdk).toFixed(0)} ms; it no longer loads it`,
    );
    console.log('  goals: ≤ 1024 KB loaded at start-up, import + init ≤ 150 ms on a quiet machine');
  } finally {
    await dynamo.stop();
  }
}
