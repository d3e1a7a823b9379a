import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning, startDynamoDbLocal } from '../../scripts/lib/dynamodb-local';

/** A run killed with SIGKILL cannot stop its java; the next run of the same kind must. */
const ROOT = join(__dirname, '..', '..');

describe('DynamoDB Local launcher', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'jituan-orphan-'));
  afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

  it('kills the java of an owner that died without stopping it, and leaves live owners alone', async () => {
    // Prepare: an owner process starts DynamoDB Local, reports the java pid, and is SIGKILLed.
    const script = `require('./scripts/lib/dynamodb-local').startDynamoDbLocal({ dbPath: null, stateDir: ${JSON.stringify(stateDir)}, name: 'orphan' }).then((d) => console.log('JAVA', d.pid))`;
    const owner = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const orphanPid = await new Promise<number>((resolve) => {
      let out = '';
      owner.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /JAVA (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
    });
    owner.kill('SIGKILL');
    await new Promise((r) => owner.once('exit', r));
    expect(isRunning(orphanPid)).toBe(true);

    // Act
    const next = await startDynamoDbLocal({ dbPath: null, stateDir, name: 'orphan' });
    await new Promise((r) => setTimeout(r, 300));

    // Assess
    try {
      expect(isRunning(orphanPid)).toBe(false);
      expect(isRunning(next.pid)).toBe(true);
    } finally {
      await next.stop();
    }
  });
});
