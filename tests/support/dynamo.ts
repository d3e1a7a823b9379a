import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { createDocumentClient } from '../../functions/src/db/client';
import { dropTable, ensureTable } from '../../functions/src/db/ensure-table';
import { CatalogRepository } from '../../functions/src/features/catalog/catalog-repository';
import { loadSeed } from '../../functions/src/features/catalog/seed/load-seed';

export interface TestTable {
  tableName: string;
  db: DynamoDBDocumentClient;
  catalog: CatalogRepository;
  drop(): Promise<void>;
}

export function testDbEndpoint(): string {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run through jest (tests/support/global-setup)');
  return endpoint;
}

/** A fresh table in the run's DynamoDB Local, so test files never see each other's data. */
export async function createTestTable(label: string): Promise<TestTable> {
  const tableName = `t-${label}-${randomBytes(4).toString('hex')}`;
  const db = createDocumentClient({ endpoint: testDbEndpoint(), region: process.env.AWS_REGION ?? 'cn-north-1' });
  await ensureTable(db as never, tableName);
  return {
    tableName,
    db,
    catalog: new CatalogRepository(db, tableName),
    drop: () => dropTable(db as never, tableName),
  };
}

/** A fresh table holding the demo data. */
export async function createSeededTable(label: string): Promise<TestTable> {
  const table = await createTestTable(label);
  await loadSeed(table.catalog);
  return table;
}
