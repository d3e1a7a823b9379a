import { createApp } from './app';
import type { ServerConfig } from './config';
import { createDocumentClient } from './db/client';
import { CatalogRepository } from './repositories/catalog-repository';
import { SchoolDirectory } from './services/school-directory';

/** The composition root every adapter calls once per container/process. */
export function createCore(config: ServerConfig) {
  const db = createDocumentClient({ endpoint: config.dynamodbEndpoint, region: config.region });
  const catalog = new CatalogRepository(db, config.tableName);
  const directory = new SchoolDirectory(catalog, config.searchCacheTtlMs);
  return { app: createApp({ catalog, directory }), db, catalog };
}
