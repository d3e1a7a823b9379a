/**
 * Bundles one server runtime into a folder: `tsx scripts/build-server.ts <cloud|lambda|baseline> <outdir>`.
 * infra/lib/api-function.ts runs it for the Lambda at synth; npm run build:cloud and the bench use
 * scripts/lib/server-bundle.ts directly.
 */
import { bundleServer, type ServerTarget } from './lib/server-bundle';

const [target, outdir] = process.argv.slice(2);
if (!['cloud', 'lambda', 'baseline'].includes(target) || !outdir) {
  console.error('usage: tsx scripts/build-server.ts <cloud|lambda|baseline> <outdir>');
  process.exit(2);
}
bundleServer(target as ServerTarget, outdir).catch((error) => {
  console.error(error);
  process.exit(1);
});
