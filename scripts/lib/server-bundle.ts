import { build, type BuildOptions, type Metafile, type OutputFile, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
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

/**
 * Turns every import of a lazy package into a require of its own file, and notes which were seen.
 * `dir` is where that file lies as seen from the requiring file (a feature chunk is in lazy/ itself).
 */
function lazyPackages(seen: Set<string>, dir = './lazy/'): Plugin {
  return {
    name: 'lazy-packages',
    setup(esbuild) {
      esbuild.onResolve({ filter: LAZY }, (args) => {
        seen.add(args.path);
        return { path: `${dir}${fileOf(args.path)}`, external: true };
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
    // Stack traces map to file:line on the Lambda (NODE_OPTIONS=--enable-source-maps); sources stay out.
    sourcemap: target === 'lambda',
    sourcesContent: false,
    plugins: [lazyPackages(seen), zodEnglishOnly],
  });
  return seen;
}

/**
 * The features whose services functions/src/services.ts requires on their first use. Each is
 * bundled into lazy/feature-<name>.js with only the modules no start-up code and no other
 * feature uses; everything else it imports is the instance in index.js, handed to it when
 * index.js requires it. So a cold start compiles none of their code, the first request of a
 * feature compiles that feature's only, and every module still exists once (one error class,
 * one cache), as in a single bundle.
 */
const FEATURE_CHUNKS = ['catalog', 'surveys', 'news', 'rotation', 'evaluation'];
const FEATURE_SERVICES = new RegExp(`^\\./features/(?:${FEATURE_CHUNKS.map((feature) => `${feature}/(${feature})`).join('|')})-services$`);
const SKIP = Symbol('resolving');

/** In index.js: each feature's services module becomes a require of its chunk, given index.js's modules that chunks import. */
function featureChunks(registry: readonly string[]): Plugin {
  return {
    name: 'feature-chunks',
    setup(esbuild) {
      esbuild.onResolve({ filter: FEATURE_SERVICES }, (args) => ({
        path: FEATURE_SERVICES.exec(args.path)!.slice(1).find(Boolean)!,
        namespace: 'feature-chunk',
      }));
      esbuild.onLoad({ filter: /.*/, namespace: 'feature-chunk' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`./lazy/feature-${args.path}.js`)})(require("feature-registry"));`,
        resolveDir: ROOT,
        loader: 'js',
      }));
      esbuild.onResolve({ filter: /^\.\/lazy\/feature-/ }, (args) => ({ path: args.path, external: true }));
      esbuild.onResolve({ filter: /^feature-registry$/ }, () => ({ path: 'registry', namespace: 'feature-registry' }));
      // Built by the first feature's first use, never at start-up; a require of an ES module
      // gives its live exports, a require of a CommonJS one its module.exports, as a chunk reads them.
      esbuild.onLoad({ filter: /.*/, namespace: 'feature-registry' }, () => ({
        contents: `module.exports = {${registry.map((key) => `${JSON.stringify(key)}: require(${JSON.stringify(join(ROOT, key))})`).join(',\n')}};`,
        resolveDir: ROOT,
        loader: 'js',
      }));
    },
  };
}

/** In a chunk: an import of a module index.js holds reads index.js's instance from the registry, and is noted. */
function fromMain(main: ReadonlySet<string>, used: Set<string>): Plugin {
  return {
    name: 'from-main',
    setup(esbuild) {
      esbuild.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === SKIP || args.kind === 'entry-point' || args.namespace !== 'file') return undefined;
        const resolved = await esbuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: SKIP,
        });
        if (resolved.errors.length > 0 || resolved.external || resolved.namespace !== 'file') return undefined;
        const key = relative(ROOT, resolved.path);
        if (!main.has(key)) return undefined;
        used.add(key);
        return { path: key, namespace: 'from-main' };
      });
      esbuild.onLoad({ filter: /.*/, namespace: 'from-main' }, (args) => ({
        contents: `module.exports = __registry[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

interface Built {
  files: OutputFile[];
  /** The source files bundled into it, relative to the repository. */
  inputs: Set<string>;
}

const inputsOf = (metafile: Metafile) => new Set(Object.keys(metafile.inputs).filter((key) => !key.includes(':')));

async function buildMain(target: ServerTarget, outdir: string, registry: readonly string[], seen: Set<string>): Promise<Built> {
  const result = await build({
    ...commonOptions(target),
    entryPoints: [ENTRIES[target]],
    outfile: join(outdir, 'index.js'),
    external: [],
    sourcemap: target === 'lambda',
    sourcesContent: false,
    write: false,
    metafile: true,
    plugins: [...(target === 'baseline' ? [] : [featureChunks(registry)]), lazyPackages(seen), zodEnglishOnly],
  });
  return { files: result.outputFiles, inputs: inputsOf(result.metafile) };
}

async function buildChunk(
  target: ServerTarget,
  outdir: string,
  feature: string,
  main: ReadonlySet<string>,
  used: Set<string>,
  seen: Set<string>,
) {
  const result = await build({
    ...commonOptions(target),
    entryPoints: [join(ROOT, 'functions', 'src', 'features', feature, `${feature}-services.ts`)],
    outfile: join(outdir, 'lazy', `feature-${feature}.js`),
    sourcemap: target === 'lambda',
    sourcesContent: false,
    write: false,
    metafile: true,
    // A function of index.js's modules, called once by index.js (featureChunks above).
    banner: { js: 'module.exports=(__registry)=>{"use strict";const module={exports:{}},exports=module.exports;' },
    footer: { js: 'return module.exports};' },
    plugins: [lazyPackages(seen, './'), fromMain(main, used), zodEnglishOnly],
  });
  return { files: result.outputFiles, inputs: inputsOf(result.metafile) };
}

/**
 * index.js and the feature chunks. A module that two chunks would both hold goes into index.js
 * instead (it is required there on the first use of either), until no chunk shares a module.
 */
async function buildWithChunks(target: ServerTarget, outdir: string, seen: Set<string>): Promise<OutputFile[]> {
  if (target === 'baseline') return (await buildMain(target, outdir, [], seen)).files;
  const shared = new Set<string>();
  for (;;) {
    const main = await buildMain(target, outdir, [...shared], seen);
    const used = new Set<string>();
    const chunks = await Promise.all(FEATURE_CHUNKS.map((feature) => buildChunk(target, outdir, feature, main.inputs, used, seen)));
    const owners = new Map<string, number>();
    for (const chunk of chunks) for (const input of chunk.inputs) owners.set(input, (owners.get(input) ?? 0) + 1);
    const twice = [...owners].filter(([input, count]) => count > 1 && !shared.has(input)).map(([input]) => input);
    if (twice.length === 0) {
      const registry = [...new Set([...shared, ...used])].sort();
      const final = await buildMain(target, outdir, registry, seen);
      const missing = registry.filter((key) => !final.inputs.has(key));
      if (missing.length > 0) throw new Error(`feature chunks import modules index.js does not hold: ${missing.join(', ')}`);
      return [...final.files, ...chunks.flatMap((chunk) => chunk.files)];
    }
    for (const input of twice) shared.add(input);
  }
}

/** Builds index.js (and index.js.map for the Lambda), the feature chunks and lazy/* into `outdir`, replacing what was there. */
export async function bundleServer(target: ServerTarget, outdir: string): Promise<ServerBundle> {
  rmSync(join(outdir, 'lazy'), { recursive: true, force: true });
  mkdirSync(join(outdir, 'lazy'), { recursive: true });
  const seen = new Set<string>();
  // Source maps (the Lambda's) keep only our own code's mappings: scripts/lib/own-source-map.ts says why.
  for (const file of await buildWithChunks(target, outdir, seen)) {
    writeFileSync(file.path, file.path.endsWith('.map') ? JSON.stringify(ownSourceMap(JSON.parse(file.text) as SourceMap)) : file.contents);
  }
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
