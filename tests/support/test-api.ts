import { startLocalServer } from '../../functions/src/adapters/node-server';
import { createCore } from '../../functions/src/core';
import { createSeededTable, testDbEndpoint } from './dynamo';

/**
 * The real core on DynamoDB Local with the seed data, served by the local Node adapter on a
 * free port: what the simulate and browser tests talk to.
 */
export async function startTestApi(options: { staticDir?: string } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const table = await createSeededTable('api');
  const { app } = createCore({
    tableName: table.tableName,
    region: process.env.AWS_REGION ?? 'cn-north-1',
    dynamodbEndpoint: testDbEndpoint(),
    searchCacheTtlMs: 60_000,
  });
  const server = await startLocalServer({ app, port: 0, staticDir: options.staticDir ?? null });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await table.drop();
    },
  };
}
