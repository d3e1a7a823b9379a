import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSeededTable, type TestTable } from '../support/dynamo';
import { testEnv } from '../support/test-config';

/** What is uploaded to WeChat is the esbuild bundle, so the bundle itself must answer. */
const BUNDLE = join(__dirname, '..', '..', 'functions', 'cloud', 'api', 'index.js');

describe('the built cloud function bundle (functions/cloud/api/index.js)', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createSeededTable('bundle');
    Object.assign(process.env, testEnv(table.tableName));
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID';
    process.env.WX_OPENID = 'o-bundle-test';
  });
  afterAll(() => table.drop());

  it('exists (npm test builds it before jest)', () => {
    expect(existsSync(BUNDLE)).toBe(true);
  });

  it('answers a school search like the source adapter does', async () => {
    // Prepare
    const { main } = require(BUNDLE) as { main: (event: unknown) => Promise<{ status: number; body: any }> };
    // Act
    const answer = await main({ method: 'GET', path: '/api/schools', query: { q: '经八路' } });
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.items[0]).toMatchObject({ id: 'jn-jingbalu-ps', groups: [{ id: 'jn-jingwu', role: 'member' }] });
  });
});
