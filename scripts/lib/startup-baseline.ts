/**
 * The start-up yardstick (npm run bench): a bare hono app with the DynamoDB document client,
 * answering one route with one query, shaped like the Lambda adapter. Nothing else.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';

const endpoint = process.env.DYNAMODB_ENDPOINT;
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    region: process.env.AWS_REGION ?? 'cn-north-1',
    ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  }),
);
const app = new Hono();
app.get('/api/districts', async (c) => {
  const { Items } = await db.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': 'DISTRICTS' },
    }),
  );
  return c.json({ items: Items ?? [] });
});

export const handler = handle(app);
