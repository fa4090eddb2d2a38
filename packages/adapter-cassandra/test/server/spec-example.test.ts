import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksum, migration } from '@ductape/core';
import { hosts, useServerAdapter } from '../support/cassandra.js';
import { specEventsMigration } from '../support/spec-events.js';

describe.skipIf(!hosts)("Cassandra: the spec's Cassandra example through MigrationEngine", () => {
  const ctx = useServerAdapter('spec');

  it('creates events with partition key, clustering order, TTL and compaction; introspects them; rolls back', async () => {
    const { adapter, engine, keyspace } = ctx();
    const m = specEventsMigration();
    expect((await engine.up(m)).outcome).toBe('applied');
    const s = await adapter.introspect('events');
    expect(s?.fields).toEqual([
      { name: 'user_id', type: 'uuid', primaryKey: true },
      { name: 'created_at', type: 'timestamp', primaryKey: true },
      { name: 'id', type: 'uuid', primaryKey: true },
      { name: 'event_type', type: 'string' },
      { name: 'data', type: 'json' },
    ]);
    expect(s?.options?.cassandraOptions).toMatchObject({
      partitionKey: ['user_id'],
      clusteringColumns: ['created_at', 'id'],
      clusteringOrder: [
        { column: 'created_at', order: 'DESC' },
        { column: 'id', order: 'ASC' },
      ],
      defaultTTL: 86400,
      compaction: { class: 'LeveledCompactionStrategy' },
    });
    // The clustering order is real: newest first within a partition; the TTL applies to rows.
    const user = randomUUID();
    const insert = `INSERT INTO "${keyspace}".events (user_id, created_at, id, event_type, data) VALUES (?, ?, ?, ?, ?)`;
    await adapter.driver.execute(insert, [user, new Date('2024-01-01T00:00:00Z'), randomUUID(), 'old', '{}']);
    await adapter.driver.execute(insert, [user, new Date('2024-06-01T00:00:00Z'), randomUUID(), 'new', '{"a":1}']);
    const rows = await adapter.driver.execute(`SELECT event_type, TTL(event_type) AS ttl FROM "${keyspace}".events WHERE user_id = ?`, [user]);
    expect(rows.rows.map((r) => r.get('event_type'))).toEqual(['new', 'old']);
    expect(Number(rows.first().get('ttl'))).toBeGreaterThan(86_000);

    const [row] = await engine.getHistory();
    expect(row).toMatchObject({ name: 'create_events', status: 'applied', checksum: checksum(m), stepsApplied: 1, stepsTotal: 1 });
    expect(row?.migration).toEqual(m);
    expect((await engine.up(m)).outcome).toBe('skipped');
    // Dropped with its introspected snapshot, the table comes back the same (key, order, TTL, LCS).
    const drop = migration('drop_events').dropCollection('events', { previous: s }).build();
    await engine.up(drop);
    await engine.down(drop);
    expect(await adapter.introspect('events')).toEqual(s);
    await engine.down(m);
    expect(await adapter.introspect('events')).toBeUndefined();
    expect(await engine.getHistory()).toEqual([]);
  });

  it('odd column names, declared defaults and enum values survive introspection and a drop/restore', async () => {
    const { adapter, engine } = ctx();
    const tricky = `it's "quoted" \\ back\\slash; -- ü ✓ 🚀 $$`;
    const m = migration('odd_columns')
      .createCollection('odd', [
        { name: 'select', type: 'integer', primaryKey: true },
        { name: 'from "x"', type: 'string', length: 30, default: tricky },
        { name: 'naïve ✓ 名前', type: 'enum', enumValues: ["a'b", 'ü'], default: "a'b" },
        { name: 'tags', type: 'array', itemType: 'integer' },
      ])
      .createIndex('odd', 'odd_tags', ['tags'])
      .build();
    await engine.up(m);
    const s = await adapter.introspect('odd');
    expect(s?.fields.find((f) => f.name === 'from "x"')).toEqual({ name: 'from "x"', type: 'string', length: 30, default: tricky });
    expect(s?.fields.find((f) => f.name === 'naïve ✓ 名前')).toMatchObject({ type: 'enum', enumValues: ["a'b", 'ü'] });
    expect(s?.indexes).toEqual([{ name: 'odd_tags', fields: [{ name: 'tags' }], using: 'sai' }]);
    // up waited until the index was queryable: it answers at once.
    await adapter.driver.execute(`INSERT INTO "${ctx().keyspace}".odd ("select", tags) VALUES (?, ?)`, [1, [7, 8]]);
    const hit = await adapter.driver.execute(`SELECT "select" FROM "${ctx().keyspace}".odd WHERE tags CONTAINS ?`, [8]);
    expect(hit.rows.map((r) => r.get('select'))).toEqual([1]);
    // The key column's introspected definition says it may be renamed (db.schema.renameField passes it).
    const rename = migration('odd_rename')
      .renameField('odd', 'select', 'order', { previous: s?.fields.find((f) => f.name === 'select') })
      .build();
    await engine.up(rename);
    expect((await adapter.introspect('odd'))?.fields[0]).toMatchObject({ name: 'order', primaryKey: true });
    await engine.down(rename);
    const drop = migration('odd_drop').dropCollection('odd', { previous: s }).build();
    await engine.up(drop);
    expect(await adapter.introspect('odd')).toBeUndefined();
    await engine.down(drop);
    expect(await adapter.introspect('odd')).toEqual(s);
  });
});
