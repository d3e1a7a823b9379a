/**
 * Getters that build a value on its first read, for the composition root (services.ts):
 * what a container's first request does not need is neither built nor, once bundled, even
 * compiled at start-up (the builders require their modules; docs/performance.md, start-up).
 * Each value is built once, so every reader shares one instance, as when it was built eagerly.
 */

/** Defines `names` on `target`, read from one object that `build` makes on the first read of any of them. */
export function defineLazyGroup<T extends object>(target: object, names: Record<keyof T, true>, build: () => T): void {
  let built: T | undefined;
  for (const name of Object.keys(names) as Array<keyof T>) {
    Object.defineProperty(target, name, { enumerable: true, get: () => (built ??= build())[name] });
  }
}
