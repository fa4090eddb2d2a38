import { describe, expect, it } from 'vitest';
import { type CollectionSnapshot, MigrationEngine, ValidationError, migration } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

// Issue 24, "Drops and rollbacks that keep what hangs on a column", on the in-memory adapter:
// what the engine records for a dropField resolved against the live schema.
/** The collections with their constraints and indexes by name: their order carries no meaning. */
function byName(collections: ReadonlyMap<string, CollectionSnapshot>): unknown {
  const name = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return [...collections.values()].map((c) => ({ ...c, constraints: [...(c.constraints ?? [])].sort(name), indexes: [...(c.indexes ?? [])].sort(name) }));
}

async function setup(): Promise<{ adapter: MemoryAdapter; engine: MigrationEngine }> {
  const adapter = new MemoryAdapter();
  const engine = new MigrationEngine(adapter);
  await engine.up(
    migration('schema')
      .createCollection('parent', [{ name: 'id', type: 'integer', primaryKey: true }])
      .createCollection('child', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'pid', type: 'integer' },
        { name: 'note', type: 'string' },
      ])
      .createCollection('grand', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'cpid', type: 'integer' },
      ])
      .createIndex('child', 'child_pid_note', ['pid', 'note'])
      .addConstraint('child', { name: 'child_pid_uq', type: 'unique', columns: ['pid'] })
      .addConstraint('child', { name: 'child_pid_fk', type: 'foreignKey', columns: ['pid'], references: { table: 'parent', columns: ['id'] } })
      .addConstraint('child', { name: 'child_pid_ck', type: 'check', expression: 'pid > 0' })
      .addConstraint('grand', { name: 'grand_cpid_fk', type: 'foreignKey', columns: ['cpid'], references: { table: 'child', columns: ['pid'] } })
      .build(),
  );
  return { adapter, engine };
}

describe('dropField without previous takes what hangs on its column, and down restores it where it stood', () => {
  it('records the foreign keys to it and from it first, then its index, unique and check, and the position; down restores every collection', async () => {
    const { adapter, engine } = await setup();
    const before = byName(adapter.database.state.collections);
    const m = migration('drop_pid').dropField('child', 'pid', { cascade: true }).build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === 'drop_pid');
    expect(row?.migration.up.map((op) => (op.type === 'dropConstraint' || op.type === 'dropIndex' ? `${op.type} ${op.collection}.${op.name}` : op.type))).toEqual([
      'dropConstraint grand.grand_cpid_fk',
      'dropConstraint child.child_pid_fk',
      'dropIndex child.child_pid_note',
      'dropConstraint child.child_pid_uq',
      'dropConstraint child.child_pid_ck',
      'dropField',
    ]);
    expect(row?.migration.up.at(-1)).toMatchObject({ type: 'dropField', position: { after: 'id' }, previous: { name: 'pid', type: 'integer' } });
    expect(row?.migration.down[0]).toMatchObject({ type: 'addField', position: { after: 'id' } });
    await engine.down(m);
    expect(byName(adapter.database.state.collections)).toEqual(before);
  });

  it('a first field is put back first; a last one needs no position', async () => {
    const { adapter, engine } = await setup();
    const before = structuredClone(adapter.database.state.collections.get('child'));
    const first = migration('drop_id').dropField('child', 'id').build();
    await engine.up(first);
    expect((await engine.getHistory()).find((h) => h.name === 'drop_id')?.migration.down[0]).toMatchObject({ type: 'addField', position: 'first' });
    await engine.down(first);
    const last = migration('drop_note').dropField('child', 'note').build();
    await engine.up(last);
    expect((await engine.getHistory()).find((h) => h.name === 'drop_note')?.migration.up.at(-1)).not.toHaveProperty('position');
    await engine.down(last);
    expect(adapter.database.state.collections.get('child')).toEqual(before);
  });

  it('a position that is neither first nor { after: <field> } is refused by validation', () => {
    const add = (position: unknown) => ({ type: 'addField', collection: 'child', field: { name: 'x', type: 'integer' }, position }) as never;
    expect(() =>
      migration('bad')
        .operation(add({ after: '' }))
        .build(),
    ).toThrow(ValidationError);
    expect(() => migration('odd').operation(add('last')).build()).toThrow(/position must be 'first' or \{ after/);
    expect(() =>
      migration('ok')
        .operation(add({ after: 'id' }))
        .build(),
    ).not.toThrow();
  });
});
