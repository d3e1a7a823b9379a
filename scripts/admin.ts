/**
 * npm run admin -- grant|revoke|list|district add|catalog import: bootstrap the first district admin
 * and load a district's catalogue from Excel (see ADMIN_USAGE).
 * Talks to the local DynamoDB of a running `npm start` (.data/local-endpoint.json), or to the
 * table named by TABLE_NAME / DYNAMODB_ENDPOINT / AWS credentials in the environment;
 * `district add` publishes the catalogue to CATALOG_SNAPSHOT_BUCKET (or CATALOG_SNAPSHOT_DIR).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocumentClient } from '../functions/src/db/client';
import { CatalogRepository } from '../functions/src/features/catalog/catalog-repository';
import { DistrictWrites } from '../functions/src/features/catalog/district-writes';
import { CatalogImportService } from '../functions/src/features/catalog/import/catalog-import-service';
import { CatalogWrites } from '../functions/src/features/catalog/admin/catalog-writes';
import { CatalogImportWrites } from '../functions/src/features/catalog/import/catalog-import-writes';
import { loadDivisions } from '../functions/src/features/catalog/domain/divisions';
import { UserRepository } from '../functions/src/features/identity/user-repository';
import { SurveyRepository } from '../functions/src/features/surveys/survey-repository';
import { createSnapshotStore } from '../functions/src/storage/create-snapshot-store';
import { resolveSsmSecrets } from '../functions/src/secrets/ssm-secrets';
import { runAdminCommand } from './lib/admin-commands';
import { localSecrets } from './lib/local-secrets';
import { DATA_DIR, targetTable } from './lib/target-table';

async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { endpoint, tableName, region } = targetTable();
  const secrets = {
    ...(endpoint ? localSecrets(join(DATA_DIR, 'secrets.json')) : {}),
    ...(await resolveSsmSecrets(process.env)),
    ...process.env,
  };
  if (!secrets.PSEUDONYM_SECRET) {
    console.error("PSEUDONYM_SECRET (or PSEUDONYM_SECRET_PARAMETER) is required: it must be the server's");
    return 1;
  }
  const db = createDocumentClient({ endpoint, region });
  // The store the server reads snapshots from: S3 when CATALOG_SNAPSHOT_BUCKET names it (AWS), else the local directory.
  const catalog = new CatalogRepository(
    db,
    tableName,
    createSnapshotStore({
      region,
      tableName,
      catalogSnapshots: {
        bucket: process.env.CATALOG_SNAPSHOT_BUCKET || undefined,
        dir: process.env.CATALOG_SNAPSHOT_DIR ?? '.data/catalog-snapshots',
      },
    }),
  );
  const now = () => new Date();
  return runAdminCommand(process.argv.slice(2), {
    users: new UserRepository(db, tableName),
    catalog,
    districts: new DistrictWrites(db, tableName),
    catalogImport: () =>
      new CatalogImportService({
        catalog,
        surveys: new SurveyRepository(db, tableName),
        catalogImportWrites: new CatalogImportWrites(db, tableName),
        catalogWrites: new CatalogWrites(db, tableName),
        now,
      }),
    readFile: (path) => readFileSync(path),
    divisions: loadDivisions,
    pseudonymSecret: secrets.PSEUDONYM_SECRET,
    now,
    print: (line) => console.log(line),
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
