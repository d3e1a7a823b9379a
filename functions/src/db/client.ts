import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DbConnection {
  endpoint?: string;
  region: string;
}

/**
 * DynamoDB Local accepts any credentials but partitions data by key id unless started with
 * -sharedDb; we start it shared and still use one fixed, letters-only key id everywhere.
 */
export function createDocumentClient({ endpoint, region }: DbConnection): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
