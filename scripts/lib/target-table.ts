import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DATA_DIR = join(__dirname, '..', '..', '.data');

export interface TargetTable {
  /** DynamoDB Local's endpoint; undefined means AWS (credentials and AWS_REGION from the environment). */
  endpoint: string | undefined;
  tableName: string;
  region: string;
}

/**
 * The table a CLI writes to: DYNAMODB_ENDPOINT / TABLE_NAME from the environment, else the
 * DynamoDB Local of a running `npm start` (.data/local-endpoint.json), else TABLE_NAME on AWS.
 */
export function targetTable(env: NodeJS.ProcessEnv = process.env): TargetTable {
  const file = join(DATA_DIR, 'local-endpoint.json');
  const local = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { endpoint: string; tableName: string }) : null;
  const endpoint = env.DYNAMODB_ENDPOINT ?? (env.TABLE_NAME ? undefined : local?.endpoint);
  return { endpoint, tableName: env.TABLE_NAME ?? local?.tableName ?? 'jituan', region: env.AWS_REGION ?? 'cn-north-1' };
}
