/**
 * npm test: format and lint checks, typecheck, the builds the UI tests run against (cloud function, weapp, h5), then
 * every jest project (unit, DynamoDB Local integration, three-adapter contract, CDK + cdk-nag,
 * components, miniprogram-simulate, Chromium e2e). Ends with one "N passed, N failed" line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const jestArgs = process.argv.slice(2);

/** Runs one step; a quiet step's output (Taro's progress bars) is shown only if it fails. */
function step(title, command, args, { quiet = false } = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    env: process.env,
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    if (quiet) console.error(`${result.stdout}${result.stderr}`.slice(-20_000));
    console.error(`✖ ${title} failed after ${seconds} s (exit ${result.status})`);
    return false;
  }
  console.log(`✔ ${title} (${seconds} s)`);
  return true;
}

const ok =
  step('format (prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs,cjs,scss,json}']) &&
  step('lint (eslint)', 'npx', ['eslint', '--max-warnings', '0', '.']) &&
  step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) &&
  step('build cloud function', 'npx', ['tsx', 'scripts/build-cloud.ts']) &&
  step('build weapp', 'npm', ['run', '--silent', 'build:weapp'], { quiet: true }) &&
  step('build h5', 'npm', ['run', '--silent', 'build:h5'], { quiet: true });
if (!ok) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync(join(root, '.data'), { recursive: true });
const resultsFile = join(root, '.data', 'jest-results.json');
const jestOk = step('jest (all projects)', 'npx', ['jest', '--ci', '--json', `--outputFile=${resultsFile}`, ...jestArgs]);
let passed = 0;
let failed = jestOk ? 0 : 1;
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + results.numRuntimeErrorTestSuites + (jestOk ? 0 : results.numFailedTests === 0 ? 1 : 0);
} catch {
  // No results file: jest itself failed to start; `failed` already says so.
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(jestOk && failed === 0 ? 0 : 1);
