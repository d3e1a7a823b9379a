import { join } from 'node:path';
import { startDynamoDbLocal } from '../../scripts/lib/dynamodb-local';

/** One in-memory DynamoDB Local for the whole jest run; each test file makes its own table. */
export default async function globalSetup(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const db = await startDynamoDbLocal({ dbPath: null, stateDir: join(root, '.data'), name: 'jest' });
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.AWS_REGION = 'cn-north-1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // Request logs would drown jest's output; the log-scan test captures its own at 'info'.
  process.env.LOG_LEVEL ??= 'silent';
  (globalThis as { __DYNAMODB_LOCAL__?: { stop(): Promise<void> } }).__DYNAMODB_LOCAL__ = db;
}
