import { readConfig, type Runtime, type ServerConfig } from '../../functions/src/config';
import { testDbEndpoint } from './dynamo';

/** Fixed, test-only secrets (never used outside tests). */
export const TEST_SECRETS = {
  SESSION_SECRET: 'test-session-secret-0123456789abcdef0123456789',
  PSEUDONYM_SECRET: 'test-pseudonym-secret-0123456789abcdef01234567',
};

/** The environment a runtime would have in a test: DynamoDB Local, test secrets, overrides. */
export function testEnv(tableName: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: testDbEndpoint(),
    AWS_REGION: process.env.AWS_REGION ?? 'cn-north-1',
    WECHAT_APP_ID: 'wx-test-app',
    WECHAT_APP_SECRET: 'test-app-secret',
    ...TEST_SECRETS,
    ...extra,
  };
}

export function testConfig(tableName: string, runtime: Runtime = 'local', extra: NodeJS.ProcessEnv = {}): ServerConfig {
  return readConfig(testEnv(tableName, extra), runtime);
}
