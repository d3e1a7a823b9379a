/**
 * The one table definition. The repositories, scripts/start.ts (CreateTable on DynamoDB Local)
 * and the CDK stack (infra/) all build the table from this object, so keys and indexes cannot
 * drift apart. No I/O here.
 */
export type KeyAttribute = 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk';

export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
}

export interface TableDefinition {
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute;
  /** All key attributes are strings. */
  attributes: KeyAttribute[];
  globalSecondaryIndexes: IndexDefinition[];
  /** Items with this epoch-seconds attribute expire (sessions, rate-limit buckets later). */
  timeToLiveAttribute: string;
}

export const TABLE_DEFINITION: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'],
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  timeToLiveAttribute: 'expiresAt',
};

/** The CreateTable input for DynamoDB Local and tests (on-demand, all GSIs project ALL). */
export function createTableInput(tableName: string) {
  const def = TABLE_DEFINITION;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: def.attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: def.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
