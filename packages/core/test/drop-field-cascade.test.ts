import { describe, expect, it } from 'vitest';
import { type CollectionSnapshot, MigrationEngine, ValidationError, migration } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

// Issue 24, decision: dropField on a column other collections' foreign keys reference is refused
// before any change unless `{ cascade: true }` (as dropCollection), naming the keys.
const ref = (name: string, column: string) => ({ type: 'foreignKey' as const, name, columns: [column], references: { table: 'parent', columns: ['code'] } });

async function setup(): Promise<{ adapter: MemoryAdapter; engine: MigrationEngine; before: CollectionSnapshot[] }> {
  const adapter = new MemoryAdapter();
  const engine = new MigrationEngine(adapter);
  await engine.up(
    migration('tables')
      .createCollection('parent', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'code', type: 'integer', unique: true },
        { name: 'note', type: 'string' },
      ])
      .createCollection('kid', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'pcode', type: 'integer' },
      ])
      .createCollection('pet', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'owner', type: 'integer' },
      ])
      .addConstraint('kid', ref('kid_pcode_fk', 'pcode'))
      .addConstraint('pet', ref('pet_owner_fk', 'owner'))
      .build(),
  );
  return { adapter, engine, before: [...adapter.database.state.collections.values()] };
}

describe('dropField of a column other collections reference', () => {
  it('without cascade: refused before any change, naming every foreign key and the way out', async () => {
    const { adapter, engine, before } = await setup();
    const error = await engine.up(migration('drop_code').dropField('parent', 'code').build()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const issue = (error as ValidationError).issues[0];
    expect(issue).toMatchObject({ code: 'referenced', path: 'up[0]' });
    expect(issue?.message).toContain('kid.kid_pcode_fk, pet.pet_owner_fk');
    expect(issue?.message).toContain('{ cascade: true }');
    expect([...adapter.database.state.collections.values()]).toEqual(before);
    expect((await engine.getHistory()).map((r) => r.name)).toEqual(['tables']);
  });

  it('preview (what plan shows) refuses it the same way', async () => {
    const { engine } = await setup();
    await expect(engine.previewAll([migration('drop_code').dropField('parent', 'code').build()])).rejects.toMatchObject({ issues: [expect.objectContaining({ code: 'referenced' })] });
  });

  it('with cascade: the keys are dropped and recorded, and down restores exactly them', async () => {
    const { adapter, engine, before } = await setup();
    const m = migration('drop_code').dropField('parent', 'code', { cascade: true }).build();
    await engine.up(m);
    const up = (await engine.getHistory()).find((r) => r.name === 'drop_code')?.migration.up ?? [];
    expect(up.filter((op) => op.type === 'dropConstraint').map((op) => op.type === 'dropConstraint' && `${op.collection}.${op.name}`)).toEqual(['kid.kid_pcode_fk', 'pet.pet_owner_fk']);
    await engine.down(m);
    const sorted = (cs: CollectionSnapshot[]) =>
      cs.map((c) => ({ ...c, constraints: [...(c.constraints ?? [])].sort((a, b) => a.name.localeCompare(b.name)) })).sort((a, b) => a.name.localeCompare(b.name));
    expect(sorted([...adapter.database.state.collections.values()])).toEqual(sorted(before));
  });

  it('a column nobody references needs no cascade', async () => {
    const { engine } = await setup();
    await expect(engine.up(migration('drop_note').dropField('parent', 'note').build())).resolves.toMatchObject({ outcome: 'applied' });
  });
});
