/**
 * npm run admin -- grant|revoke|list: bootstrap the first district admin (see ADMIN_USAGE).
 * Talks to the local DynamoDB of a running `npm start` (.data/local-endpoint.json), or to the
 * table named by TABLE_NAME / DYNAMODB_ENDPOINT / AWS credentials in the environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocumentClient } from '../functions/src/db/client';
import { CatalogRepository } from '../functions/src/features/catalog/catalog-repository';
import { UserRepository } from '../functions/src/features/identity/user-repository';
import { resolveSsmSecrets } from '../functions/src/secrets/ssm-secrets';
import { runAdminCommand } from './lib/admin-commands';
import { localSecrets } from './lib/local-secrets';

const DATA = join(__dirname, '..', '.data');

async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const local = existsSync(join(DATA, 'local-endpoint.json')) ? JSON.parse(readFileSync(join(DATA, 'local-endpoint.json'), 'utf8')) : null;
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? local?.endpoint;
  const tableName = process.env.TABLE_NAME ?? local?.tableName ?? 'jituan';
  const secrets = {
    ...(endpoint ? localSecrets(join(DATA, 'secrets.json')) : {}),
    ...(await resolveSsmSecrets(process.env)),
    ...process.env,
  };
  if (!secrets.PSEUDONYM_SECRET) {
    console.error("PSEUDONYM_SECRET (or PSEUDONYM_SECRET_PARAMETER) is required: it must be the server's");
    return 1;
  }
  const db = createDocumentClient({ endpoint, region: process.env.AWS_REGION ?? 'cn-north-1' });
  return runAdminCommand(process.argv.slice(2), {
    users: new UserRepository(db, tableName),
    catalog: new CatalogRepository(db, tableName),
    pseudonymSecret: secrets.PSEUDONYM_SECRET,
    now: () => new Date(),
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
