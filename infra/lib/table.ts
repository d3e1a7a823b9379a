import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { TableDefinition } from '../../functions/src/db/table-definition';

export interface DataTableProps {
  /** The one definition the repositories and DynamoDB Local also use; never copy key names here. */
  readonly definition: TableDefinition;
}

/**
 * The single-table store, built from the code's TABLE_DEFINITION so keys and indexes cannot
 * drift between the Lambda and the deployed table.
 */
export class DataTable extends Construct {
  public readonly table: Table;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const def = props.definition;
    assertAttributesMatchKeys(def);

    const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

    // No physical table name: CloudFormation generates one, so a replacement never collides
    // with the retained old table, and the Lambda learns the name from TABLE_NAME.
    this.table = new Table(this, 'Table', {
      partitionKey: stringKey(def.partitionKey),
      sortKey: stringKey(def.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The table holds the product's data: a stack deletion or replacement must never drop it.
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: def.timeToLiveAttribute,
    });

    for (const gsi of def.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: stringKey(gsi.partitionKey),
        sortKey: stringKey(gsi.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
  }
}

/**
 * CDK declares only attributes that some key uses, and CloudFormation rejects unused ones.
 * Fail at synth if the definition lists an attribute no key uses, or a key uses an unlisted one,
 * so the code's CreateTable input and the deployed table stay identical.
 */
function assertAttributesMatchKeys(def: TableDefinition): void {
  const keyNames = new Set<string>([
    def.partitionKey,
    def.sortKey,
    ...def.globalSecondaryIndexes.flatMap((gsi) => [gsi.partitionKey, gsi.sortKey]),
  ]);
  const listed = new Set<string>(def.attributes);
  const unused = [...listed].filter((name) => !keyNames.has(name));
  const unlisted = [...keyNames].filter((name) => !listed.has(name));
  if (unused.length > 0 || unlisted.length > 0) {
    throw new Error(
      `TABLE_DEFINITION attributes must equal the key attributes; unused: [${unused.join(', ')}], unlisted: [${unlisted.join(', ')}]`,
    );
  }
}
