import { existsSync } from 'node:fs';

/**
 * Stack traces of the bundled Lambda name our source files and lines (index.js.map beside it),
 * without paying for it at every cold start.
 *
 * Why not NODE_OPTIONS=--enable-source-maps: Node 20 then reads and indexes the map of every
 * file it loads, line lengths of the 1 MB index.js included, before the first request. That was
 * 12–15 ms of each cold start (docs/performance.md), for stacks that only an error ever prints.
 * Here, the first stack that is formatted loads source-map-support (a lazy file in the bundle),
 * which reads the map then; stacks formatted later reuse it.
 *
 * It acts only in the bundle, where index.js.map sits beside the running file (`__filename` is
 * index.js there). From source, under tsx or jest, there is no map and stacks stay as those tools
 * format them. Nor does it act when Node's own source maps are on.
 */
export function mapStacksOnFirstUse(): void {
  if (process.sourceMapsEnabled || !existsSync(`${__filename}.map`)) return;
  const nodeFormatter = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, frames) => {
    // Node's own formatter back first, so that a failure to load cannot recurse into this one.
    Error.prepareStackTrace = nodeFormatter;
    // Required here, not imported, so that it loads with the first stack and not at start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('source-map-support') as typeof import('source-map-support')).install({
      environment: 'node',
      // Node's own handler prints uncaught errors (through the formatter installed here).
      handleUncaughtExceptions: false,
    });
    return Error.prepareStackTrace!(error, frames);
  };
}
