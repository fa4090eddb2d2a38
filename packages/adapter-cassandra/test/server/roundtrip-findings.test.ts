import { describe, expect, it } from 'vitest';
import { ValidationError, migration } from '@ductape/core';
import { hosts, useServerAdapter } from '../support/cassandra.js';

// roundTrip findings 25–28 (Cassandra 5): each was refused or failed halfway before the fix.
// One keyspace and few tables: Cassandra DDL is slow.
async function refusal(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe.skipIf(!hosts)('Cassandra: roundTrip findings 25–28', () => {
  const ctx = useServerAdapter('rtfind');

  it('25: a table without indexes reports indexes: [], so createIndex + dropIndex (and createIndex + dropField) in one migration run', async () => {
    const { adapter, engine } = ctx();
    await engine.up(
      migration('h26_0')
        .createCollection('people', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'amount', type: 'integer' },
          { name: 'note', type: 'text' },
        ])
        .build(),
    );
    expect((await adapter.introspect('people'))?.indexes).toEqual([]);
    const pair = migration('h26_2')
      .createIndex('people', 'people_ix', [{ name: 'amount' }])
      .dropIndex('people', 'people_ix')
      .build();
    expect(await engine.up(pair)).toMatchObject({ outcome: 'applied' });
    // The dropField is preceded by a drop of the index made earlier in the migration (Cassandra
    // refuses to drop an indexed column); the down brings the column back and no index.
    const dropNote = migration('h26_3')
      .createIndex('people', 'people_note_ix', [{ name: 'note' }])
      .dropField('people', 'note')
      .build();
    expect(await engine.up(dropNote)).toMatchObject({ outcome: 'applied', stepsApplied: 3 });
    expect((await adapter.introspect('people'))?.fields.map((f) => f.name)).toEqual(['id', 'amount']);
    await engine.down(dropNote);
    const after = await adapter.introspect('people');
    expect(after?.fields.map((f) => f.name)).toEqual(['id', 'amount', 'note']);
    expect(after?.indexes).toEqual([]);
  });

  it('26: modifyField of a column made by raw CQL is read back (its default survives a later drop and down)', async () => {
    const { adapter, engine, keyspace } = ctx();
    await engine.up(
      migration('h27_1')
        .raw('cassandra', `ALTER TABLE "${keyspace}"."people" ADD "raw_n" int`, { down: `ALTER TABLE "${keyspace}"."people" DROP "raw_n"` })
        .build(),
    );
    await engine.up(migration('h27_2').modifyField('people', 'raw_n', { default: 7 }).build());
    const read = async () => (await adapter.introspect('people'))?.fields.find((f) => f.name === 'raw_n');
    expect(await read()).toEqual({ name: 'raw_n', type: 'integer', default: 7 });
    const drop = migration('h27_3').dropField('people', 'raw_n').build();
    await engine.up(drop);
    await engine.down(drop);
    expect(await read()).toEqual({ name: 'raw_n', type: 'integer', default: 7 });
  });

  it('27: a second index on an indexed column is refused before IO, in one migration (compile) and against the live indexes (preflight)', async () => {
    const { adapter, engine } = ctx();
    const inOne = migration('h28_1')
      .addField('people', { name: 'tag', type: 'text' })
      .createIndex('people', 'people_amount_ix', [{ name: 'amount' }])
      .createIndex('people', 'people_amount_ix2', [{ name: 'amount' }])
      .build();
    const e1 = await refusal(engine.up(inOne));
    expect(e1).toBeInstanceOf(ValidationError);
    expect((e1 as Error).message).toMatch(/people_amount_ix2.*people_amount_ix.*earlier in this migration/);
    await engine.up(
      migration('h28_2')
        .createIndex('people', 'people_amount_ix', [{ name: 'amount' }])
        .build(),
    );
    const later = migration('h28_3')
      .addField('people', { name: 'tag', type: 'text' })
      .createIndex('people', 'people_amount_ix2', [{ name: 'amount' }])
      .build();
    const e2 = await refusal(engine.up(later));
    expect(e2).toBeInstanceOf(ValidationError);
    expect(e2).toMatchObject({ code: 'DUCTAPE_VALIDATION', issues: [{ code: 'duplicate_index', path: 'up[1]' }] });
    expect((e2 as Error).message).toMatch(/"people_amount_ix2".*"people_amount_ix" \(in the database\).*dropIndex\('people', 'people_amount_ix'\)/);
    // Nothing ran and nothing was recorded.
    expect((await adapter.introspect('people'))?.fields.map((f) => f.name)).not.toContain('tag');
    expect((await engine.getHistory()).map((h) => h.name)).not.toContain('h28_3');
  });

  it('28: addField reusing a dropped column name with an incompatible CQL type is refused in preflight; the same type is allowed', async () => {
    const { adapter, engine } = ctx();
    await engine.up(migration('h29_1').addField('people', { name: 'order', type: 'boolean' }).build());
    await engine.up(migration('h29_2').dropField('people', 'order').build());
    const again = migration('h29_3').addField('people', { name: 'flag', type: 'boolean' }).addField('people', { name: 'order', type: 'double' }).build();
    const e = await refusal(engine.up(again));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ issues: [{ code: 'dropped_column_type', path: 'up[1]' }] });
    expect((e as Error).message).toMatch(/"order" of type boolean was dropped.*add it as boolean, or give the new column another name/);
    expect((await adapter.introspect('people'))?.fields.map((f) => f.name)).not.toContain('flag');
    expect((await engine.getHistory()).map((h) => h.name)).not.toContain('h29_3');
    // Dropped and re-added with another type in one migration: the drop is replayed too.
    const inOne = migration('h29_4').dropField('people', 'amount').addField('people', { name: 'amount', type: 'bigint' }).build();
    expect(await refusal(engine.up(inOne))).toMatchObject({ issues: [{ code: 'dropped_column_type' }] });
    expect((await adapter.introspect('people'))?.fields.map((f) => f.name)).toContain('amount');
    // The same type is allowed back.
    expect(await engine.up(migration('h29_5').addField('people', { name: 'order', type: 'boolean' }).build())).toMatchObject({ outcome: 'applied' });
  });
});
