import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time below a folder (files only). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('dist')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The H5 build is stale when any app source, its config or shared/ is newer than its index.html. */
export function h5BuildIsStale(root: string): boolean {
  const built = join(root, 'miniprogram', 'dist-h5', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['miniprogram/src', 'miniprogram/config', 'shared'].map((p) => newestMtime(join(root, p)));
  return Math.max(...sources) > statSync(built).mtimeMs;
}

export function buildH5(root: string): void {
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`H5 build failed (exit ${result.status})`);
}
