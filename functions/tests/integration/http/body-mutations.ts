import fc from 'fast-check';

/**
 * Request bodies for the never-5xx property, as the JSON text sent: arbitrary JSON values,
 * hand-picked hostile ones, and a valid body with a few of its values replaced, removed, added
 * (prototype keys included), wrapped or multiplied. Mutations keep most of the valid body, so
 * they get past the first checks and reach the code behind them.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

/** Texts that have broken parsers and walkers elsewhere. */
export const HOSTILE_TEXTS = [
  '',
  'null',
  '[]',
  '[null]',
  '{}',
  '"x"',
  '-0',
  '1e999',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  nested(10_000, '[', ']'),
  nested(10_000, '{"a":', '}'),
  `"${'字'.repeat(200_000)}"`,
  '{"a":1,"a":2}',
  '{"a":',
  '\uFEFF{}',
  'undefined',
];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const key = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 }));
const value: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(null, '', -1, 0, 1.5, 1e21, -1e21, 'x'.repeat(5000), [], {}, [null], [{}], true, '=cmd|/C calc!A0'),
);

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'remove', 'add', 'wrap', 'multiply', 'stringify'),
  key,
  value,
});
export type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

/** Every place inside a JSON value, the root ([]) first. */
function pathsOf(v: Json, at: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [at];
  const children = Array.isArray(v) ? v.map((c, i) => [i, c] as const) : Object.entries(v);
  return [at, ...children.flatMap(([k, c]) => pathsOf(c, [...at, k]))];
}

const own = (target: object, name: string | number, v: unknown) =>
  // defineProperty, so that '__proto__' becomes a key of the JSON rather than a prototype.
  Object.defineProperty(target, name, { value: v, enumerable: true, writable: true, configurable: true });

/** Applies mutations to a copy of `body`; undefined stands for no body at all. */
export function mutate(body: unknown, mutations: Mutation[]): Json | undefined {
  let root: Json | undefined = structuredClone(body) as Json;
  for (const m of mutations) {
    if (root === undefined) root = {};
    const paths = pathsOf(root);
    const path = paths[m.at % paths.length];
    const parent = path.slice(0, -1).reduce<any>((node, k) => node[k], root);
    const last = path[path.length - 1];
    const current: Json = path.length === 0 ? root : parent[last];
    const next = (() => {
      switch (m.op) {
        case 'replace':
          // A copy: fast-check hands out the same constant objects ([] , {}) again, and a later
          // mutation inside one would change the constant itself, or put it inside itself.
          return structuredClone(m.value);
        case 'remove':
          return undefined;
        case 'add':
          return current !== null && typeof current === 'object' && !Array.isArray(current)
            ? own({ ...current }, m.key, structuredClone(m.value))
            : current;
        case 'wrap':
          return m.key.length % 2 ? [current] : own({}, m.key, current);
        case 'multiply':
          // Copies, not one shared object: a later mutation inside one copy must not make the body circular.
          return Array.from({ length: 150 }, () => structuredClone(current));
        case 'stringify':
          return JSON.stringify(current) ?? null;
      }
    })() as Json | undefined;
    if (path.length === 0) root = next;
    else if (next === undefined && Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (next === undefined) delete parent[last];
    else own(parent, last, next);
  }
  return root;
}

/** The text sent for a route whose valid body is `valid`. */
export function bodyText(valid: unknown): fc.Arbitrary<string> {
  const text = (v: Json | undefined) => (v === undefined ? '' : JSON.stringify(v));
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => text(mutate(valid, ms))) },
    { weight: 2, arbitrary: (fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>).map(text) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );
}
