import { describe, expect, it } from 'vitest';
import { UnsupportedOperationError, migration } from '@ductape/core';
import { hosts, useServerAdapter } from '../support/cassandra.js';

// Issue 16, defect 8 (Cassandra) and the native field type: a column whose CQL type has no
// portable name reads back as native with the exact system_schema text, and a dropped table is
// recreated with the same CQL types. renameCollection is refused before any IO.
const NATIVE_COLUMNS: readonly [string, string][] = [
  ['tags', 'set<text>'],
  ['scores', 'map<text, int>'],
  ['frozen_list', 'frozen<list<int>>'],
  ['event_id', 'timeuuid'],
  ['ip', 'inet'],
  ['big', 'varint'],
  ['took', 'duration'],
  ['tiny', 'tinyint'],
  ['code', 'ascii'],
];

async function columnTypes(ctx: ReturnType<ReturnType<typeof useServerAdapter>>, table: string): Promise<Record<string, string>> {
  const rows = (await ctx.adapter.driver.execute('SELECT column_name, type FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?', [ctx.keyspace, table])).rows;
  return Object.fromEntries(rows.map((r) => [r.get('column_name') as string, r.get('type') as string]));
}

describe.skipIf(!hosts)('Cassandra: native CQL types round-trip; renameCollection refused', () => {
  const ctx = useServerAdapter('native');

  it('a table made outside Ductape: every non-portable type reads back as native with the exact text, and drop + down recreates the same CQL types', async () => {
    const c = ctx();
    const cols = NATIVE_COLUMNS.map(([n, t]) => `"${n}" ${t}`).join(', ');
    await c.adapter.driver.execute(`CREATE TABLE "${c.keyspace}"."raw_made" (id uuid PRIMARY KEY, name varchar, ${cols})`, [], true);
    const before = await columnTypes(c, 'raw_made');
    const snap = await c.adapter.introspect('raw_made');
    const byName = Object.fromEntries((snap?.fields ?? []).map((f) => [f.name, f]));
    for (const [n] of NATIVE_COLUMNS) expect(byName[n]).toMatchObject({ type: 'native', native: before[n] });
    expect(byName.event_id).toMatchObject({ type: 'native', native: 'timeuuid' }); // not uuid
    expect(byName.name).toMatchObject({ type: 'text' }); // varchar is text's alias
    expect(byName.id).toMatchObject({ type: 'uuid', primaryKey: true });

    const m = migration('drop_raw_made').operation({ type: 'dropCollection', name: 'raw_made', previous: snap }).build();
    await c.engine.up(m);
    expect(await c.adapter.introspect('raw_made')).toBeUndefined();
    await c.engine.down(m);
    expect(await columnTypes(c, 'raw_made')).toEqual(before);
  });

  it('createCollection and addField with native fields create exactly those CQL types, and introspection gives them back', async () => {
    const c = ctx();
    const fields = [
      { name: 'id', type: 'native' as const, native: 'timeuuid', primaryKey: true },
      ...NATIVE_COLUMNS.filter(([n]) => n !== 'event_id').map(([name, native]) => ({ name, type: 'native' as const, native })),
    ];
    const m = migration('create_natives').createCollection('natives', fields).addField('natives', { name: 'alias', type: 'native', native: 'varchar' }).build();
    await c.engine.up(m);
    const types = await columnTypes(c, 'natives');
    expect(types).toMatchObject({ id: 'timeuuid', alias: 'text', ...Object.fromEntries(NATIVE_COLUMNS.filter(([n]) => n !== 'event_id')) });
    const snap = await c.adapter.introspect('natives');
    expect(snap?.fields.find((f) => f.name === 'id')).toEqual({ name: 'id', type: 'native', native: 'timeuuid', primaryKey: true });
    // The declaration (varchar) is kept: its CQL type is the same as the column's (text).
    expect(snap?.fields.find((f) => f.name === 'alias')).toEqual({ name: 'alias', type: 'native', native: 'varchar' });
    expect(snap?.fields.find((f) => f.name === 'tags')).toEqual({ name: 'tags', type: 'native', native: 'set<text>' });
    await c.engine.down(m);
    expect(await c.adapter.introspect('natives')).toBeUndefined();
  });

  it('renameCollection is refused before any IO with UnsupportedOperationError: no history row, the table unchanged', async () => {
    const c = ctx();
    await c.engine.up(
      migration('create_keep')
        .createCollection('keep_me', { id: { type: 'uuid', primaryKey: true }, n: 'integer' })
        .build(),
    );
    const before = await c.adapter.introspect('keep_me');
    const m = migration('rename_keep').renameCollection('keep_me', 'kept').build();
    const error = await c.engine.up(m).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((await c.engine.getHistory()).map((h) => h.name)).not.toContain('rename_keep');
    expect(await c.adapter.introspect('keep_me')).toEqual(before);
    expect(await c.adapter.introspect('kept')).toBeUndefined();
  });
});
