import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../functions/src/db/ensure-table';
import { CatalogRepository } from '../../functions/src/features/catalog/catalog-repository';
import { loadSeed } from '../../functions/src/features/catalog/seed/load-seed';

export interface SeedTarget {
  db: DynamoDBDocumentClient;
  tableName: string;
  /** Locally the table is created if missing; on AWS it belongs to the CDK stack and must exist. */
  local: boolean;
  print: (line: string) => void;
  progress?: (written: number, total: number) => void;
}

/** Loads the shipped demo catalogue; running it again rewrites the same items and adds nothing. */
export async function runSeed(target: SeedTarget): Promise<number> {
  if (target.local) target.print(`table "${target.tableName}" ${await ensureTable(target.db as never, target.tableName)}`);
  const total = await loadSeed(new CatalogRepository(target.db, target.tableName), target.progress);
  target.print(`seed: ${total} items written to "${target.tableName}" (idempotent)`);
  return total;
}
