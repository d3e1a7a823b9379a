/**
 * A schema built on its first use instead of when its module loads. Building zod schemas is
 * most of what loading shared/ costs at a server's cold start (some 130 of them), while a
 * request reads only a few: so each top-level schema is declared through this, and reads,
 * parses and compositions (`.extend`, `z.object({ a: A })`, `instanceof`) reach the one
 * schema `build` returns, built once (docs/performance.md, start-up).
 */
export function lazySchema<T extends object>(build: () => T): T {
  let schema: T | undefined;
  const real = () => (schema ??= build());
  // Every trap forwards to the built schema; the target stays an empty extensible object, so no
  // proxy invariant binds what the traps report.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
