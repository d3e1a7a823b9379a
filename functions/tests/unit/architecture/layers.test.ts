import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layer rules of docs/architecture.md, checked on the source text: every feature has the
 * same shape, and each layer reaches only what it may. Each rule is a function of the files,
 * so the last block can show it catches a hand-made offender (a rule that cannot fail checks nothing).
 */
const SRC = resolve(__dirname, '..', '..', '..', 'src');

interface SourceFile {
  /** Path relative to functions/src, e.g. features/news/routes/admin-routes.ts */
  rel: string;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const files: SourceFile[] = walk(SRC).map((path) => ({ rel: relative(SRC, path), text: readFileSync(path, 'utf8') }));

/** Relative imports of a file (static, type-only, re-exports and dynamic), resolved to paths relative to src/. */
function importsOf(file: SourceFile): string[] {
  const specifiers = [...file.text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) => {
    const base = resolve(SRC, dirname(file.rel), s);
    const path = [`${base}.ts`, join(base, 'index.ts')].find(existsSync) ?? `${base}.ts`;
    return relative(SRC, path);
  });
}

const isDomain = (rel: string) => /^features\/[^/]+\/domain\//.test(rel);
const isRoute = (rel: string) => /^features\/[^/]+\/routes\//.test(rel);
const isFeatureService = (rel: string) => /^features\/[^/]+\/[^/]+\.ts$/.test(rel);
const isRepository = (rel: string) => /-(repository|items)\.ts$/.test(rel);
const isData = (rel: string) => isRepository(rel) || /^(db|storage)\//.test(rel) || rel === 'infrastructure.ts';

const importRule =
  (pick: (rel: string) => boolean, forbidden: (imported: string) => boolean) =>
  (all: SourceFile[]): string[] =>
    all
      .filter((f) => pick(f.rel))
      .flatMap((f) =>
        importsOf(f)
          .filter(forbidden)
          .map((imported) => `${f.rel} → ${imported}`),
      );

const textRule =
  (pick: (rel: string) => boolean, pattern: RegExp) =>
  (all: SourceFile[]): string[] =>
    all.filter((f) => pick(f.rel)).flatMap((f) => [...f.text.matchAll(pattern)].map((m) => `${f.rel}: ${m[0]}`));

const RULES = {
  'domain code imports no db, repository, http, storage or infrastructure, and no service': importRule(
    isDomain,
    (i) => isData(i) || i.startsWith('http/') || isFeatureService(i),
  ),
  'services import nothing from http/': importRule(isFeatureService, (i) => i.startsWith('http/')),
  'routes import no repository, items, db, storage or infrastructure module': importRule(isRoute, isData),
  'routes read their input from the declaration, not from the context or the raw request': textRule(
    isRoute,
    /c\.get\('(infra|services)'\)|c\.req\.(param|json|text|query)\(|parseOr\(/g,
  ),
  'http/ reaches no repository (who is calling is the session service’s to say)': importRule(
    (rel) => rel.startsWith('http/'),
    isRepository,
  ),
  'key strings are written only in db/keys.ts': textRule((rel) => rel !== 'db/keys.ts', /['`][A-Z][A-Z_]*#/g),
  'a cancelled transaction is read only through db/conditional.ts': textRule(
    (rel) => rel !== 'db/conditional.ts',
    /TransactionCanceledException|CancellationReasons/g,
  ),
};

/** Import cycles among src/ modules (type-only imports included: they still tie the modules). */
function cycles(all: SourceFile[]): string[] {
  const graph = new Map(all.map((f) => [f.rel, importsOf(f).filter((i) => !i.startsWith('..'))]));
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      found.push([...path.slice(path.indexOf(node)), node].join(' → '));
      return;
    }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) visit(node, []);
  return found;
}

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

  it.each(Object.entries(RULES))('%s', (_name, rule) => {
    expect(rule(files)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(files)).toEqual([]);
  });
});

describe('the layer rules themselves', () => {
  // Prepare: one offender per rule, in the places the rules look at.
  const offenders: Record<keyof typeof RULES, SourceFile> = {
    'domain code imports no db, repository, http, storage or infrastructure, and no service': {
      rel: 'features/surveys/domain/bad.ts',
      text: "import { keys } from '../../../db/keys';",
    },
    'services import nothing from http/': {
      rel: 'features/news/news-service.ts',
      text: "import type { AppEnv } from '../../http/app-env';",
    },
    'routes import no repository, items, db, storage or infrastructure module': {
      rel: 'features/news/routes/bad.ts',
      text: "import type { NewsItem } from '../news-items';",
    },
    'routes read their input from the declaration, not from the context or the raw request': {
      rel: 'features/news/routes/bad.ts',
      text: "const id = c.req.param('id'); const { news } = c.get('infra');",
    },
    'http/ reaches no repository (who is calling is the session service’s to say)': {
      rel: 'http/identify.ts',
      text: "import type { UserRepository } from '../features/identity/user-repository';",
    },
    'key strings are written only in db/keys.ts': { rel: 'features/news/news-repository.ts', text: 'const pk = `READ#${id}`;' },
    'a cancelled transaction is read only through db/conditional.ts': {
      rel: 'features/news/news-repository.ts',
      text: "if (error.name === 'TransactionCanceledException') return false;",
    },
  };

  it.each(Object.keys(RULES) as Array<keyof typeof RULES>)('catch a hand-made offender: %s', (name) => {
    // Act
    const found = RULES[name]([offenders[name]]);
    // Assess
    expect(found).toHaveLength(name.startsWith('routes read') ? 2 : 1);
  });

  it('catch a hand-made cycle', () => {
    const a = { rel: 'features/news/a.ts', text: "import { b } from './b';" };
    const b = { rel: 'features/news/b.ts', text: "import type { a } from './a';" };
    expect(cycles([a, b])).toEqual(['features/news/a.ts → features/news/b.ts → features/news/a.ts']);
  });
});
