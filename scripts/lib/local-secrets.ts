import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Local-only secrets, made once per checkout and kept in .data/secrets.json (git-ignored),
 * so sessions and user pseudonyms survive restarts of npm start. Production reads them from
 * SSM (Lambda) or the cloud function's environment.
 */
export function localSecrets(file: string): { SESSION_SECRET: string; PSEUDONYM_SECRET: string } {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = { SESSION_SECRET: randomBytes(32).toString('base64url'), PSEUDONYM_SECRET: randomBytes(32).toString('base64url') };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
