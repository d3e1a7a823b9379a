/**
 * Bundles the WeChat cloud function `api` (functions/src/adapters/cloud.ts) into
 * functions/cloud/api/index.js, with the packages only some routes need in
 * functions/cloud/api/lazy/ (scripts/lib/server-bundle.ts); upload the folder as it is.
 * It has no dependencies to install: everything it uses is in the bundle, and it reads the
 * caller from WeChat's context variables without wx-server-sdk (functions/src/wechat/wx-context.ts).
 */
import { join } from 'node:path';
import { bundleServer } from './lib/server-bundle';

const outdir = join(__dirname, '..', 'functions', 'cloud', 'api');

bundleServer('cloud', outdir)
  .then(({ mainBytes, lazyBytes }) => {
    console.log(`cloud function api: ${join(outdir, 'index.js')} (${Math.round(mainBytes / 1024)} KB loaded at start)`);
    for (const [file, bytes] of Object.entries(lazyBytes)) console.log(`  lazy/${file} (${Math.round(bytes / 1024)} KB, on first use)`);
  })
  .catch(() => process.exit(1));
