import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../functions/src/db/client';
import { dropTable } from '../../functions/src/db/ensure-table';
import { keys } from '../../functions/src/db/keys';
import { catalogItems } from '../../functions/src/features/catalog/seed/seed-items';
import { seedData } from '../../functions/src/features/catalog/seed/seed-data';
import { testDbEndpoint } from '../support/dynamo';

const ROOT = join(__dirname, '..', '..');

/**
 * npm run seed, as a process: creates the local table, loads the demo catalogue and publishes its
 * search snapshot (one version item, AP70), and is idempotent.
 */
describe('npm run seed', () => {
  const tableName = `t-seedcli-${randomBytes(4).toString('hex')}`;
  const db = createDocumentClient({ endpoint: testDbEndpoint(), region: 'cn-north-1' });
  const seed = () =>
    spawnSync('npx', ['tsx', 'scripts/seed.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DYNAMODB_ENDPOINT: testDbEndpoint(), TABLE_NAME: tableName, AWS_REGION: 'cn-north-1' },
    });
  const count = async () => (await db.send(new ScanCommand({ TableName: tableName, Select: 'COUNT' }))).Count;

  afterAll(() => dropTable(db as never, tableName));

  it('loads every demo item into a new table, and a second run adds nothing', async () => {
    // Act
    const first = seed();
    const afterFirst = await count();
    const second = seed();
    // Assess
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`table "${tableName}" created`);
    const version = await db.send(new GetCommand({ TableName: tableName, Key: keys.catalogSnapshot() }));
    expect(version.Item).toEqual(expect.objectContaining({ schools: seedData.schools.length }));
    expect(afterFirst).toBe(catalogItems(seedData).length + 1);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain('(idempotent)');
    expect(await count()).toBe(afterFirst);
  });
});
