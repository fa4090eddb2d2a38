import { migration, resolveUpdate } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { hosts, useServerAdapter } from '../support/cassandra.js';

// cassandra-driver caches a prepared statement's bind types by its text and encodes values
// client-side: after a table was dropped and recreated with another column type under the same
// name, db.update in the same process sent the old types ("Not a valid … value"; reliability
// finding 40 was the property's own sibling). The statements now carry the table's column types.
describe.skipIf(!hosts)('db.update on a table recreated under the same name (server)', () => {
  const ctx = useServerAdapter('dataupd_recreated');
  const update = async (data: Parameters<typeof resolveUpdate>[0]['data']) => {
    const { adapter } = ctx();
    return adapter.updateRows(resolveUpdate({ table: 'tags', data }, (await adapter.introspect('tags')) as never), {});
  };

  it('encodes with the new table’s types', async () => {
    const { adapter, engine, keyspace } = ctx();
    const id = { name: 'id', type: 'integer' as const, primaryKey: true };
    await engine.up(
      migration('t1')
        .createCollection('tags', [id, { name: 'n', type: 'text' }])
        .build(),
    );
    await adapter.driver.execute(`INSERT INTO "${keyspace}".tags (id, n) VALUES (?, ?)`, [1, 'one']);
    expect((await update({ n: 'uno' })).rowsUpdated).toBe(1);
    await engine.up(migration('t2').dropCollection('tags').build());
    await engine.up(
      migration('t3')
        .createCollection('tags', [
          { ...id, type: 'bigint' as const },
          { name: 'n', type: 'smallint' },
        ])
        .build(),
    );
    // (another text than the first INSERT's, so that the test's own write is not the stale one)
    await adapter.driver.execute(`INSERT INTO "${keyspace}".tags (n, id) VALUES (?, ?)`, [7, '2']);
    expect((await update({ n: { $ADD: ['n', 1] } })).rowsUpdated).toBe(1);
    const rows = (await adapter.driver.execute(`SELECT id, n FROM "${keyspace}".tags`, [])).rows;
    expect(rows.map((r) => [String(r.get('id')), r.get('n')])).toEqual([['2', 8]]);
  });
});
