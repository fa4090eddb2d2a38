import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// raw('dynamodb', { command, input }, { down: { command, input } }): the down in the statement's
// own shape (issue 25), up, down and up again on DynamoDB Local.
describe.skipIf(!endpoint)('raw DynamoDB down in the shape of its statement', () => {
  const prefix = uniquePrefix('rawdown');
  const adapter = makeAdapter(prefix);
  const engine = new MigrationEngine(adapter);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  it('an unwrapped { command, input } down deletes the table the raw CreateTable made', async () => {
    const audit = `${prefix}audit`;
    const m = migration('raw_audit')
      .raw(
        'dynamodb',
        {
          command: 'CreateTable',
          input: { TableName: audit, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' },
        },
        { down: { command: 'DeleteTable', input: { TableName: audit } } },
      )
      .build();
    expect(m.down).toEqual([{ type: 'raw', dialect: 'dynamodb', command: { command: 'DeleteTable', input: { TableName: audit } }, down: { command: (m.up[0] as { command: unknown }).command } }]);
    await engine.up(m);
    expect((await adapter.driver.describe(audit))?.TableStatus).toBe('ACTIVE');
    await engine.down(m);
    expect(await adapter.driver.describe(audit)).toBeUndefined();
    await engine.up(m);
    expect((await adapter.driver.describe(audit))?.TableStatus).toBe('ACTIVE');
    expect((await engine.getHistory()).map((h) => [h.name, h.status])).toEqual([['raw_audit', 'applied']]);
  });
});
