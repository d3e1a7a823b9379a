import { build, type BuildOptions, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ownSourceMap, type SourceMap } from './own-source-map';

const ROOT = join(__dirname, '..', '..');

const AWS_CREDENTIAL_FALLBACKS = [
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@aws-sdk/credential-provider-login',
  '@aws-sdk/token-providers',
  '@aws-sdk/nested-clients',
  '@smithy/credential-provider-imds',
  // Imported on first use by the SDK's browser user-agent provider, which Node never calls.
  'bowser',
];

/**
 * Packages only some routes need (exports, imports, news bodies, signed image URLs, school
 * writes and searches). Each is bundled into its own file under lazy/, required by the first
 * request that needs it, so a cold start parses and runs only the core (docs/performance.md).
 */
export const LAZY_PACKAGES = [
  'exceljs',
  'opencc-js',
  'markdown-it',
  '@aws-sdk/s3-request-presigner',
  'pinyin-pro',
  'nzh',
  // News images and catalogue snapshots open their S3 client on first use.
  '@aws-sdk/client-s3',
  // The disclosure audit's LP solver (survey results and exports).
  'highs',
  // Rotation CSV imports.
  '@fast-csv/parse',
  // The likert index's t interval: survey results and exports (survey-reporting.ts loads them).
  '@stdlib/stats-base-dists-t-quantile',
  // The Lambda's stack traces map to source on the first stack formatted (functions/src/log/source-mapped-stacks.ts).
  'source-map-support',
  // Credential sources the AWS SDK requires only when the environment holds no credentials
  // (the Lambda's role and the cloud function's keys are both environment variables).
  ...AWS_CREDENTIAL_FALLBACKS,
];

/**
 * Built into lazy/ even before a route imports them, so the bundle that is uploaded can already
 * run them (tests/contract/cloud-bundle.test.ts loads HiGHS from it).
 */
const ALWAYS_SHIPPED = ['highs'];

/**
 * Files a lazy package reads from its own directory at run time: HiGHS's emscripten loader looks
 * for highs.wasm next to the script that holds it (`__dirname`), which is lazy/ once bundled.
 */
const ASSETS: Record<string, string[]> = { highs: [require.resolve('highs/runtime')] };
const LAZY = new RegExp(`^(${LAZY_PACKAGES.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})(/.*)?$`);

export type ServerTarget = 'cloud' | 'lambda' | 'baseline';

const ENTRIES: Record<ServerTarget, string> = {
  cloud: join(ROOT, 'functions', 'src', 'adapters', 'cloud.ts'),
  lambda: join(ROOT, 'functions', 'src', 'adapters', 'lambda.ts'),
  // The bench's yardstick: a bare hono app with the DynamoDB client, built the same way.
  baseline: join(ROOT, 'scripts', 'lib', 'startup-baseline.ts'),
};

/** WeChat's cloud functions run Node 16 at the least; the Lambda runs nodejs22.x (infra/lib/api-function.ts). */
const NODE_TARGET: Record<ServerTarget, string> = { cloud: 'node16', lambda: 'node22', baseline: 'node22' };

const fileOf = (specifier: string) => `${specifier.replace(/^@/, '').replace(/\//g, '-')}.js`;

/** Turns every import of a lazy package into a require of its own file, and notes which were seen. */
function lazyPackages(seen: Set<string>): Plugin {
  return {
    name: 'lazy-packages',
    setup(esbuild) {
      esbuild.onResolve({ filter: LAZY }, (args) => {
        seen.add(args.path);
        return { path: `./lazy/${fileOf(args.path)}`, external: true };
      });
    },
  };
}

/**
 * zod's namespace export carries every locale (about 240 KB minified); the code only ever uses
 * the English default, so the bundle gets a locales module holding that one.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`)
        ? { path: join(args.resolveDir, '..', 'locales', 'index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      resolveDir: join(args.path, '..'),
      loader: 'js',
    }));
  },
};

export interface ServerBundle {
  outdir: string;
  /** index.js: what a cold start loads. */
  mainBytes: number;
  /** lazy/*.js, by file name. */
  lazyBytes: Record<string, number>;
}

const commonOptions = (target: ServerTarget): BuildOptions => ({
  bundle: true,
  platform: 'node',
  target: NODE_TARGET[target],
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  // Chinese text as UTF-8 (3 bytes a character) rather than \u escapes (6): Node reads sources as UTF-8.
  charset: 'utf8',
  logLevel: 'warning',
  absWorkingDir: ROOT,
});

/**
 * Bundles one entry into `outfile` the way the server bundles are built: every import of a lazy
 * package becomes a require of ../lazy/<package>.js beside it. Returns the lazy packages it saw.
 */
export async function bundleEntry(target: ServerTarget, entry: string, outfile: string): Promise<Set<string>> {
  const seen = new Set<string>();
  await build({
    ...commonOptions(target),
    entryPoints: [entry],
    outfile,
    // Nothing is external: both bundles carry every package they use (the cloud function reads
    // WeChat's context itself, functions/src/wechat/wx-context.ts, so it needs no wx-server-sdk).
    external: [],
    // Stack traces map to file:line on the Lambda (functions/src/log/source-mapped-stacks.ts); sources stay out.
    sourcemap: target === 'lambda',
    sourcesContent: false,
    plugins: [lazyPackages(seen), zodEnglishOnly],
  });
  return seen;
}

/** Builds index.js (and index.js.map for the Lambda) and lazy/* into `outdir`, replacing what was there. */
export async function bundleServer(target: ServerTarget, outdir: string): Promise<ServerBundle> {
  rmSync(join(outdir, 'lazy'), { recursive: true, force: true });
  mkdirSync(join(outdir, 'lazy'), { recursive: true });
  const seen = await bundleEntry(target, ENTRIES[target], join(outdir, 'index.js'));
  // The Lambda's source map keeps only our own code's mappings: scripts/lib/own-source-map.ts says why.
  const map = join(outdir, 'index.js.map');
  if (target === 'lambda') writeFileSync(map, JSON.stringify(ownSourceMap(JSON.parse(readFileSync(map, 'utf8')) as SourceMap)));
  if (target !== 'baseline') for (const specifier of ALWAYS_SHIPPED) seen.add(specifier);
  await Promise.all(
    [...seen].map(async (specifier) => {
      await build({
        ...commonOptions(target),
        stdin: { contents: `module.exports = require(${JSON.stringify(specifier)});`, resolveDir: ROOT, loader: 'js' },
        outfile: join(outdir, 'lazy', fileOf(specifier)),
      });
      for (const asset of ASSETS[specifier] ?? []) copyFileSync(asset, join(outdir, 'lazy', basename(asset)));
    }),
  );
  const lazyBytes: Record<string, number> = {};
  for (const file of readdirSync(join(outdir, 'lazy'))) lazyBytes[file] = statSync(join(outdir, 'lazy', file)).size;
  return { outdir, mainBytes: statSync(join(outdir, 'index.js')).size, lazyBytes };
}
