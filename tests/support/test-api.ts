import { startLocalServer } from '../../functions/src/adapters/node-server';
import { createCore } from '../../functions/src/core';
import { createSeededTable, type TestTable } from './dynamo';
import { testConfig } from './test-config';

/**
 * The real core on DynamoDB Local with the seed data, served by the local Node adapter on a
 * free port, with dev login on as under npm start: what the simulate and browser tests use.
 */
export async function startTestApi(
  options: { staticDir?: string; env?: NodeJS.ProcessEnv; now?: () => Date } = {},
): Promise<{ url: string; table: TestTable; close(): Promise<void> }> {
  const table = await createSeededTable('api');
  const { app } = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', ...options.env }), { now: options.now });
  const server = await startLocalServer({ app, port: 0, staticDir: options.staticDir ?? null });
  return {
    url: server.url,
    table,
    close: async () => {
      await server.close();
      await table.drop();
    },
  };
}
