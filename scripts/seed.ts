/**
 * npm run seed: loads the demo catalogue into the local DynamoDB of a running `npm start`
 * (or DYNAMODB_ENDPOINT), or into TABLE_NAME on AWS with the environment's credentials.
 * Idempotent, with progress. A real district imports its own catalogue instead.
 */
import { createDocumentClient } from '../functions/src/db/client';
import { runSeed } from './lib/seed-command';
import { targetTable } from './lib/target-table';

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { endpoint, tableName, region } = targetTable();
  console.log(endpoint ? `DynamoDB Local at ${endpoint}` : `AWS (${region})`);
  await runSeed({
    db: createDocumentClient({ endpoint, region }),
    tableName,
    local: endpoint !== undefined,
    print: (line) => console.log(line),
    progress: (written, all) => process.stdout.write(`\r  ${written}/${all} items`),
  });
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
