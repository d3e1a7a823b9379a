/**
 * Bundles the WeChat cloud function `api` (functions/src/adapters/cloud.ts) into
 * functions/cloud/api/index.js. wx-server-sdk stays external: WeChat installs it from the
 * function's package.json when it is uploaded ("上传并部署：云端安装依赖").
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const outfile = join(ROOT, 'functions', 'cloud', 'api', 'index.js');

build({
  entryPoints: [join(ROOT, 'functions', 'src', 'adapters', 'cloud.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  external: ['wx-server-sdk'],
  legalComments: 'none',
  logLevel: 'warning',
})
  .then(() => console.log(`cloud function api: ${outfile} (${Math.round(statSync(outfile).size / 1024)} KB)`))
  .catch(() => process.exit(1));
