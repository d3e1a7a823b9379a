import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { isBuiltin, SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LpEngine } from '../../functions/src/features/surveys/domain/disclosure/lp-engine';
import { bundleEntry, bundleServer } from '../../scripts/lib/server-bundle';
import { createSeededTable, type TestTable } from '../support/dynamo';
import { testEnv } from '../support/test-config';

/** What is uploaded to WeChat is the esbuild bundle, so the bundle itself must answer. */
const BUNDLE_DIR = join(__dirname, '..', '..', 'functions', 'cloud', 'api');
const BUNDLE = join(BUNDLE_DIR, 'index.js');
const LP_ENGINE = join(__dirname, '..', '..', 'functions', 'src', 'features', 'surveys', 'domain', 'disclosure', 'lp-engine.ts');

describe('the built cloud function bundle (functions/cloud/api/index.js)', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createSeededTable('bundle');
    Object.assign(process.env, testEnv(table.tableName));
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
    process.env.WX_OPENID = 'o-bundle-test';
  });
  afterAll(() => table.drop());

  it('exists (npm test builds it before jest)', () => {
    expect(existsSync(BUNDLE)).toBe(true);
  });

  it('answers a school search like the source adapter does', async () => {
    // Prepare
    const { main } = require(BUNDLE) as { main: (event: unknown) => Promise<{ status: number; body: any }> };
    // Act
    const answer = await main({ method: 'GET', path: '/api/schools', query: { q: '经八路' } });
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.items[0]).toMatchObject({ id: 'jn-jingbalu-ps', groups: [{ id: 'jn-jingwu', role: 'member' }] });
  });

  it('needs nothing installed beside it: it requires only Node built-ins and its own lazy files', () => {
    // Prepare: functions/cloud/api/package.json lists no dependencies, so WeChat installs none.
    const dependencies = JSON.parse(readFileSync(join(BUNDLE_DIR, 'package.json'), 'utf8')).dependencies;
    const required = [...readFileSync(BUNDLE, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    // Act
    const outside = required.filter((id) => !id.startsWith('./lazy/') && !isBuiltin(id));
    // Assess
    expect(dependencies).toEqual({});
    expect(required).toContain('node:crypto');
    expect(outside).toEqual([]);
  });

  it("knows its caller from WeChat's context variables, as a signed-in user", async () => {
    // Prepare
    const { main } = require(BUNDLE) as { main: (event: unknown) => Promise<{ status: number; body: any }> };
    // Act
    const me = await main({ method: 'GET', path: '/api/me' });
    // Assess
    expect(me.status).toBe(200);
    expect(me.body.schools).toEqual([]);
  });

  it('holds every lazy file its start-up code can require', () => {
    // Prepare
    const required = [...readFileSync(BUNDLE, 'utf8').matchAll(/require\("\.\/lazy\/([^"]+)"\)/g)].map((m) => m[1]);
    // Act
    const missing = required.filter((file) => !existsSync(join(BUNDLE_DIR, 'lazy', file)));
    // Assess
    expect(required.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});

/**
 * Which lazy/ files a bundle requires while it loads, in a fresh process: none. A heavy package
 * imported statically somewhere on the start-up path would be required here and show.
 */
function lazyFilesLoadedAtStart(bundle: string, env: NodeJS.ProcessEnv): string[] {
  const probe = `
    const Module = require('node:module');
    const seen = [];
    const original = Module.prototype.require;
    Module.prototype.require = function (id) { if (id.includes('/lazy/')) seen.push(id); return original.apply(this, arguments); };
    require(${JSON.stringify(bundle)});
    setImmediate(() => process.stdout.write(JSON.stringify(seen)));`;
  const run = spawnSync(process.execPath, ['-e', probe], { env, encoding: 'utf8', timeout: 30_000 });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

describe('start-up of the built bundles (issue 17: heavy modules load on the routes that need them)', () => {
  let lambdaDir: string;

  beforeAll(async () => {
    lambdaDir = mkdtempSync(join(tmpdir(), 'lambda-bundle-'));
    await bundleServer('lambda', lambdaDir);
  });
  afterAll(() => rmSync(lambdaDir, { recursive: true, force: true }));

  it.each([
    ['the cloud function', () => BUNDLE],
    ['the Lambda', () => join(lambdaDir, 'index.js')],
  ])('%s requires none of its lazy files (exceljs, HiGHS, opencc, pinyin-pro, nzh, t quantile …) when it loads', (_, bundle) => {
    // Prepare
    const env = { ...process.env, ...testEnv('startup-probe'), WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-startup-probe' };

    // Act
    const loaded = lazyFilesLoadedAtStart(bundle(), env);

    // Assess
    expect(loaded).toEqual([]);
  });

  it("maps the Lambda's own code to its source file and line, and none of its packages' (the map is read whole with the first stack)", () => {
    // Prepare: where index.js throws on a bad configuration (functions/src/config.ts).
    const code = readFileSync(join(lambdaDir, 'index.js'), 'utf8').split('\n');
    const line = code.findIndex((text) => text.includes('invalid server configuration'));
    const column = code[line].indexOf('invalid server configuration');
    const payload = JSON.parse(readFileSync(join(lambdaDir, 'index.js.map'), 'utf8'));

    // Act
    const entry = new SourceMap(payload).findEntry(line, column) as { originalSource?: string };

    // Assess
    expect(entry.originalSource).toMatch(/functions\/src\/config\.ts$/);
    expect(payload.sources.filter((source: string) => source.includes('node_modules'))).toEqual([]);
  });

  it('prints a failing start-up with our source file and line, loading the source map only for that first stack', () => {
    // Prepare: no SESSION_SECRET, so the Lambda's init fails in readConfig (functions/src/config.ts).
    const { SESSION_SECRET: _, ...env } = { ...process.env, ...testEnv('startup-probe') };
    const probe = `
      const Module = require('node:module');
      const seen = [];
      const original = Module.prototype.require;
      Module.prototype.require = function (id) { if (id.includes('/lazy/')) seen.push(id); return original.apply(this, arguments); };
      const { handler } = require(${JSON.stringify(join(lambdaDir, 'index.js'))});
      handler({}, {}).catch((error) => {
        const before = [...seen];
        process.stdout.write(JSON.stringify({ before, stack: error.stack, after: seen }));
      });`;

    // Act
    const run = spawnSync(process.execPath, ['-e', probe], { env, encoding: 'utf8', timeout: 30_000 });
    const { before, stack, after } = JSON.parse(run.stdout) as { before: string[]; stack: string; after: string[] };

    // Assess
    expect(stack).toMatch(/^Error: invalid server configuration: SESSION_SECRET/);
    expect(stack).toMatch(/functions\/src\/config\.ts:\d+:\d+/);
    expect(before).toEqual([]);
    expect(after).toEqual(['./lazy/source-map-support.js']);
  });
});

describe('HiGHS in the built cloud function bundle (the disclosure audit runs on the server)', () => {
  let probeDir: string;

  beforeAll(() => {
    probeDir = mkdtempSync(join(tmpdir(), 'lp-probe-'));
  });
  afterAll(() => rmSync(probeDir, { recursive: true, force: true }));

  it('ships lazy/highs.js with its WebAssembly beside it, where the emscripten loader looks', () => {
    expect(existsSync(join(BUNDLE_DIR, 'lazy', 'highs.js'))).toBe(true);
    expect(existsSync(join(BUNDLE_DIR, 'lazy', 'highs.wasm'))).toBe(true);
  });

  it('solves a linear program through loadLpEngine bundled the same way, over the bundle’s own lazy/highs.js', async () => {
    // Prepare: lp-engine.ts bundled like index.js, in a folder whose lazy/ is the bundle's.
    symlinkSync(join(BUNDLE_DIR, 'lazy'), join(probeDir, 'lazy'));
    const seen = await bundleEntry('cloud', LP_ENGINE, join(probeDir, 'lp-engine.js'));
    const { loadLpEngine } = require(join(probeDir, 'lp-engine.js')) as { loadLpEngine: () => Promise<LpEngine> };
    // Act: max 2x + y with x + y ≤ 4 and x ≤ 3.
    const program = (await loadLpEngine()).open({
      numCols: 2,
      rows: [{ indices: [0, 1], values: [1, 1], lower: -Infinity, upper: 4 }],
      colUpper: [3, Infinity],
    });
    const best = program.relaxed(
      'max',
      new Map([
        [0, 2],
        [1, 1],
      ]),
    );
    program.dispose();
    // Assess
    expect([...seen]).toEqual(['highs']);
    expect(best.status).toBe('optimal');
    expect([...best.values]).toEqual([3, 1]);
  });
});
