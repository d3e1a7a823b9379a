/**
 * Bundles the WeChat cloud function `api` (functions/src/adapters/cloud.ts) into
 * functions/cloud/api/index.js, with the packages only some routes need in
 * functions/cloud/api/lazy/ (scripts/lib/server-bundle.ts); upload the folder as it is.
 * wx-server-sdk stays external: WeChat installs it from the function's package.json when it is
 * uploaded ("上传并部署：云端安装依赖").
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
