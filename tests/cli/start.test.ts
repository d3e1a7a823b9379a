import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning, pidFileName } from '../../scripts/lib/dynamodb-local';

/** `npm start -- --api-only` as a user runs it: ready message, working API, clean Ctrl-C. */
const ROOT = join(__dirname, '..', '..');

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jituan-start-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    // If an assertion failed before Ctrl-C was sent, do not leave the server running.
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the seeded API, prints its URL, and stops DynamoDB Local on Ctrl-C', async () => {
    // Prepare
    const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--api-only', '--port', '0', '--data-dir', dataDir], {
      cwd: ROOT,
      env: { ...process.env, DYNAMODB_ENDPOINT: '', TABLE_NAME: 'jituan' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    const output = await waitForOutput(server, /API: (http:\/\/127\.0\.0\.1:\d+)\/api\/districts/, 60_000);
    const base = /API: (http:\/\/127\.0\.0\.1:\d+)\/api\/districts/.exec(output)![1];
    const pidFile = join(dataDir, pidFileName('start', server.pid!));
    const javaPid = Number(readFileSync(pidFile, 'utf8'));

    // Act
    const districts = await (await fetch(`${base}/api/districts`)).json();
    server.kill('SIGINT');
    const code = await exited;

    // Assess
    expect(output).toMatch(/seed: \d+ items written/);
    expect(districts.items).toHaveLength(4);
    expect(code).toBe(0);
    expect(isRunning(javaPid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
    // Persistent by default: the database files are in the data folder.
    expect(existsSync(join(dataDir, 'dynamodb', 'shared-local-instance.db'))).toBe(true);
  }, 90_000);
});
