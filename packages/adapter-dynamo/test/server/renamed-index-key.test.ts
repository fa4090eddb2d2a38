import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// Reliability history 9 (seed 20261125), shrunk: a GSI on a field renamed earlier in the same
// migration was keyed S although the field is a number (its type is recorded under the old name).
// Checked against DescribeTable's AttributeDefinitions.
describe.skipIf(!endpoint)('DynamoDB: a GSI key gets the type the field has at that point of the migration', () => {
  const prefix = uniquePrefix('rnix');
  const adapter = makeAdapter(prefix);
  const engine = new MigrationEngine(adapter);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });
  const keyType = async (table: string, attribute: string) => (await adapter.driver.describe(`${prefix}${table}`))?.AttributeDefinitions?.find((d) => d.AttributeName === attribute)?.AttributeType;

  it('a double added by an earlier migration, renamed, then indexed: N', async () => {
    await engine.up(
      migration('r1_orders')
        .createCollection('orders', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'code', type: 'decimal', precision: 12, scale: 3 },
        ])
        .build(),
    );
    await engine.up(migration('r2_title').addField('orders', { name: 'title', type: 'double' }).build());
    const m = migration('r3_index').renameField('orders', 'title', 'name').createIndex('orders', 'orders_ix', ['name']).build();
    await engine.up(m);
    expect(await keyType('orders', 'name')).toBe('N');
    expect((await adapter.introspect('orders'))?.fields.find((f) => f.name === 'name')?.type).toBe('double');
    await engine.down(m);
    expect(await keyType('orders', 'name')).toBeUndefined();
  });

  it('a field declared and renamed in the same migration: its declared type', async () => {
    await engine.up(
      migration('r4_items')
        .createCollection('items', [{ name: 'id', type: 'string', primaryKey: true }])
        .addField('items', { name: 'qty', type: 'integer' })
        .renameField('items', 'qty', 'quantity')
        .createIndex('items', 'items_ix', ['quantity'])
        .build(),
    );
    expect(await keyType('items', 'quantity')).toBe('N');
  });

  it('a table dropped and created again in the migration with another type for the key (history 124): the new type', async () => {
    await engine.up(
      migration('r5_notes')
        .createCollection('notes', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'body', type: 'decimal', precision: 12, scale: 3 },
        ])
        .createIndex('notes', 'notes_ix', ['body'])
        .build(),
    );
    expect(await keyType('notes', 'body')).toBe('N');
    const m = migration('r6_notes_again')
      .dropCollection('notes')
      .createCollection('notes', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'body', type: 'datetime' },
      ])
      .createIndex('notes', 'notes_ix', ['body', 'id'])
      .build();
    await engine.up(m);
    expect(await keyType('notes', 'body')).toBe('S');
    await engine.down(m);
    expect(await keyType('notes', 'body')).toBe('N');
  });
});
