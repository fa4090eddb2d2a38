import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

describe.skipIf(!endpoint)('PROVISIONED billing on DynamoDB Local', () => {
  const prefix = uniquePrefix('prov');
  const adapter = makeAdapter(prefix);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  it('creates the table with throughput, copies it to a GSI added later, and introspects it', async () => {
    const engine = new MigrationEngine(adapter);
    await engine.up(
      migration('create_orders')
        .createCollection(
          'orders',
          [
            { name: 'id', type: 'uuid', primaryKey: true },
            { name: 'total', type: 'decimal' },
          ],
          { dynamoOptions: { billingMode: 'PROVISIONED', readCapacity: 4, writeCapacity: 2 } },
        )
        .build(),
    );
    await engine.up(migration('orders_by_total').createIndex('orders', 'by_total', ['total']).build());
    const t = await adapter.driver.describe(`${prefix}orders`);
    expect(t?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 4, WriteCapacityUnits: 2 });
    expect(t?.GlobalSecondaryIndexes?.[0]).toMatchObject({ IndexName: 'by_total', ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 2 } });
    expect(t?.AttributeDefinitions).toContainEqual({ AttributeName: 'total', AttributeType: 'N' });
    expect((await adapter.introspect('orders'))?.options?.dynamoOptions).toMatchObject({ billingMode: 'PROVISIONED', readCapacity: 4, writeCapacity: 2 });
  });
});
