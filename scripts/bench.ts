/**
 * npm run bench: school search on 200,000 synthetic schools, the real index against a naive
 * linear scan over the same precomputed keys (so the difference is the index alone), both
 * measured in this run; the weapp build size against WeChat's 2 MB package limit; survey
 * submissions per second and results read time (scripts/lib/bench-surveys.ts); group news list
 * latency at 10,000 items in one group against a 20-item group (scripts/lib/bench-news.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { comparePositions, type SearchPosition } from '../functions/src/features/catalog/domain/search/cursor';
import { charLength, hasHan, normalizeText } from '../functions/src/features/catalog/domain/search/normalize';
import { rankDocument } from '../functions/src/features/catalog/domain/search/rank';
import {
  buildSearchDocument,
  localityPrefixes,
  type SearchDocument,
} from '../functions/src/features/catalog/domain/search/search-document';
import { SchoolSearchIndex } from '../functions/src/features/catalog/domain/search/search-index';
import { BENCH_PLACES, syntheticSchools } from './lib/synthetic-schools';
import { benchSurveys } from './lib/bench-surveys';
import { benchNews } from './lib/bench-news';

const COUNT = Number(process.env.BENCH_SCHOOLS ?? 200_000);
const LIMIT = 20;
const QUERIES = [
  '经八路',
  '經八路小學',
  '实验',
  '育英中学',
  '第六十八',
  '海勃湾',
  '龙游湾',
  '明德',
  'jingbalu',
  'jbl',
  'yuying',
  'sy',
  'waiguoyu',
  'dsszx',
  '不存在的学校',
  'q',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The baseline: verify and rank every school, sort all matches, take a page. */
function linearScan(docs: SearchDocument[], rawQuery: string): SearchDocument[] {
  const query = normalizeText(rawQuery);
  const isHan = hasHan(query);
  const matches: Array<{ doc: SearchDocument; position: SearchPosition }> = [];
  for (const doc of docs) {
    const tier = rankDocument(doc, query, isHan);
    if (tier !== null) matches.push({ doc, position: [tier, charLength(doc.displayName), doc.sortKey, doc.id] });
  }
  matches.sort((a, b) => comparePositions(a.position, b.position));
  return matches.slice(0, LIMIT).map((m) => m.doc);
}

function measure(label: string, runs: number, fn: (query: string) => SearchDocument[]) {
  const perQuery: Record<string, number> = {};
  const all: number[] = [];
  for (const query of QUERIES) {
    fn(query); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      fn(query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    perQuery[query] = percentile(times, 50);
    all.push(...times);
  }
  all.sort((a, b) => a - b);
  return { label, p50: percentile(all, 50), p99: percentile(all, 99), perQuery };
}

function filesBelow(dir: string): Array<{ path: string; bytes: number }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(path) : [{ path, bytes: statSync(path).size }];
  });
}

function main(): void {
  console.log(`School search: ${COUNT.toLocaleString('en')} synthetic schools (deterministic), page size ${LIMIT}`);
  let started = performance.now();
  const prefixes = localityPrefixes(BENCH_PLACES);
  const docs = syntheticSchools(COUNT).map((s, i) => buildSearchDocument(s, i, prefixes));
  console.log(`  documents (normalise + pinyin): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  const index = new SchoolSearchIndex(docs);
  console.log(
    `  index build: ${((performance.now() - started) / 1000).toFixed(1)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
  );

  // Both must return the same page, or the comparison means nothing.
  for (const query of QUERIES) {
    const a = index
      .search({ query, limit: LIMIT })
      .hits.map((d) => d.id)
      .join();
    const b = linearScan(docs, query)
      .map((d) => d.id)
      .join();
    if (a !== b) throw new Error(`index and linear scan disagree for ${query}`);
  }

  const real = measure('index', 50, (query) => index.search({ query, limit: LIMIT }).hits);
  const naive = measure('linear scan', 5, (query) => linearScan(docs, query));
  console.log('\n  query            index p50 (ms)   linear p50 (ms)');
  for (const query of QUERIES) {
    console.log(`  ${query.padEnd(16)} ${real.perQuery[query].toFixed(3).padStart(14)} ${naive.perQuery[query].toFixed(2).padStart(17)}`);
  }
  console.log(`\n  all queries: index p50 ${real.p50.toFixed(3)} ms, p99 ${real.p99.toFixed(3)} ms`);
  console.log(`               linear p50 ${naive.p50.toFixed(2)} ms, p99 ${naive.p99.toFixed(2)} ms`);
  console.log(`  ratio (linear / index): p50 ${(naive.p50 / real.p50).toFixed(0)}×, p99 ${(naive.p99 / real.p99).toFixed(0)}×`);

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
  for (const f of files.sort((a, b) => b.bytes - a.bytes).slice(0, 6)) {
    console.log(`    ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  ${relative(dist, f.path)}`);
  }
}

main();
benchSurveys()
  .then(benchNews)
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
