import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layer rules of docs/architecture.md, checked on the source text: every feature has the
 * same shape, and each layer reaches only what it may.
 */
const SRC = resolve(__dirname, '..', '..', '..', 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files = walk(SRC).map((path) => ({ path, rel: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** Relative imports of a file (static, type-only, re-exports and dynamic), resolved to paths under src/ (or outside it). */
function importsOf(file: { path: string; text: string }): string[] {
  const specifiers = [...file.text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => {
    const base = resolve(dirname(file.path), s);
    const path = [`${base}.ts`, join(base, 'index.ts')].find(existsSync) ?? base;
    return relative(SRC, path);
  });
}

const isDomain = (rel: string) => /^features\/[^/]+\/domain\//.test(rel);
const isRoute = (rel: string) => /^features\/[^/]+\/routes\//.test(rel);
const isFeatureService = (rel: string) => /^features\/[^/]+\/[^/]+\.ts$/.test(rel);
const isRepository = (rel: string) => /-(repository|items)\.ts$/.test(rel);
const isData = (rel: string) => isRepository(rel) || /^(db|storage)\//.test(rel) || rel === 'infrastructure.ts';

const offending = (pick: (rel: string) => boolean, forbidden: (imported: string) => boolean) =>
  files
    .filter((f) => pick(f.rel))
    .flatMap((f) =>
      importsOf(f)
        .filter(forbidden)
        .map((imported) => `${f.rel} → ${imported}`),
    );

describe('layer rules', () => {
  it('every feature has routes, a services factory and a domain folder', () => {
    const features = readdirSync(join(SRC, 'features'));
    expect(features.sort()).toEqual(['catalog', 'evaluation', 'identity', 'news', 'rotation', 'surveys']);
    for (const feature of features) {
      expect(existsSync(join(SRC, 'features', feature, 'routes'))).toBe(true);
      expect(existsSync(join(SRC, 'features', feature, `${feature}-services.ts`))).toBe(true);
      expect(existsSync(join(SRC, 'features', feature, 'domain'))).toBe(true);
    }
  });

  it('domain code imports no db, repository, http, storage or infrastructure, and no service', () => {
    expect(offending(isDomain, (i) => isData(i) || i.startsWith('http/') || isFeatureService(i))).toEqual([]);
  });

  it('services import nothing from http/', () => {
    expect(offending(isFeatureService, (i) => i.startsWith('http/'))).toEqual([]);
  });

  it('routes import no repository, items, db, storage or infrastructure module', () => {
    expect(offending(isRoute, isData)).toEqual([]);
  });

  it('routes read their input from the declaration, not from the context or the raw request', () => {
    const reads = files
      .filter((f) => isRoute(f.rel))
      .flatMap((f) =>
        [...f.text.matchAll(/c\.get\('(infra|services)'\)|c\.req\.(param|json|text|query)\(/g)].map((m) => `${f.rel}: ${m[0]}`),
      );
    expect(reads).toEqual([]);
  });

  it('http/ reaches no repository (identity is asked through its service)', () => {
    expect(offending((rel) => rel.startsWith('http/'), isRepository)).toEqual([]);
  });

  it('writes key strings only in db/keys.ts', () => {
    const keyLiterals = files
      .filter((f) => f.rel !== 'db/keys.ts')
      .flatMap((f) => [...f.text.matchAll(/['`]([A-Z][A-Z_]*#)/g)].map((m) => `${f.rel}: ${m[1]}`));
    expect(keyLiterals).toEqual([]);
  });

  it('reads a cancelled transaction only through db/conditional.ts', () => {
    const readers = files.filter((f) => f.rel !== 'db/conditional.ts' && /TransactionCanceledException|CancellationReasons/.test(f.text));
    expect(readers.map((f) => f.rel)).toEqual([]);
  });

  it('has no import cycle', () => {
    // Prepare: the import graph of src/ (type-only imports included: they still tie the modules).
    const graph = new Map(files.map((f) => [f.rel, importsOf(f).filter((i) => !i.startsWith('..'))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    // Act
    for (const node of graph.keys()) visit(node, []);
    // Assess
    expect(cycles).toEqual([]);
  });
});
