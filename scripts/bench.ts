/**
 * npm run bench, every figure beside its baseline from the same run (docs/performance.md):
 * school search at 200,000 synthetic schools against a linear scan, MiniSearch and FlexSearch;
 * nearby schools from the snapshot's geohash cells against a linear scan;
 * the snapshot's cold load against today's full read, and its heap; start-up of the built
 * cloud-function and Lambda bundles against a bare hono app with the DynamoDB client; public
 * reads per second on the local server; the weapp build size; survey submissions
 * (scripts/lib/bench-surveys.ts), the group news list (scripts/lib/bench-news.ts) and the
 * catalogue import of 5,000 schools (scripts/lib/bench-catalog-import.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { benchCatalogImport } from './lib/bench-catalog-import';
import { benchNearby } from './lib/bench-nearby';
import { benchNews } from './lib/bench-news';
import { benchPublicReads } from './lib/bench-public-reads';
import { benchSearch } from './lib/bench-search';
import { benchSnapshot } from './lib/bench-snapshot';
import { benchStartup } from './lib/bench-startup';
import { benchSurveys } from './lib/bench-surveys';

const COUNT = Number(process.env.BENCH_SCHOOLS ?? 200_000);

function filesBelow(dir: string): Array<{ path: string; bytes: number }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path) : [{ path, bytes: statSync(path).size }];
  });
}

function weappSizes(): void {
  const dist = join(__dirname, '..', 'miniprogram', 'dist');
  console.log('\nWeapp production build (miniprogram/dist), WeChat limit 2048 KB per package:');
  if (!existsSync(join(dist, 'app.json'))) {
    console.log('  no build found: run npm run build:weapp first');
    return;
  }
  const files = filesBelow(dist).filter((f) => !f.path.endsWith('.map'));
  const kb = (list: typeof files) => list.reduce((sum, f) => sum + f.bytes, 0) / 1024;
  // Subpackages live under packages/<name>/ (miniprogram/src/app.config.ts); the rest is the main package.
  const subpackage = (f: { path: string }) => /^packages\/([^/]+)\//.exec(relative(dist, f.path))?.[1];
  const main = files.filter((f) => !subpackage(f));
  console.log(
    `  main package ${kb(main).toFixed(0)} KB (${((kb(main) / 2048) * 100).toFixed(1)}% of 2048 KB); all packages ${kb(files).toFixed(0)} KB, ${files.length} files`,
  );
  for (const name of [...new Set(files.map(subpackage).filter(Boolean))]) {
    console.log(`  subpackage ${name}: ${kb(files.filter((f) => subpackage(f) === name)).toFixed(0)} KB`);
  }
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { content, snapshot } = await benchSearch(COUNT);
  await benchNearby(content, snapshot);
  await benchSnapshot(content, snapshot);
  await benchStartup();
  await benchPublicReads();
  weappSizes();
  await benchSurveys();
  await benchNews();
  await benchCatalogImport();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
