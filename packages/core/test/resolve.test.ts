import { describe, expect, it } from 'vitest';
import { MigrationEngine, ValidationError, migration, type Migration, type Step } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

const create = () =>
  migration('create_t')
    .createCollection('t', [
      { name: 'id', type: 'uuid', primaryKey: true },
      { name: 'a', type: 'text' },
      { name: 'b', type: 'string', length: 100 },
    ])
    .build();

async function setup(): Promise<{ adapter: MemoryAdapter; engine: MigrationEngine }> {
  const adapter = new MemoryAdapter();
  const engine = new MigrationEngine(adapter);
  await engine.up(create());
  return { adapter, engine };
}

describe('ops without previous are resolved against the live schema before any change', () => {
  it('records the resolved migration, and down restores the old definition (issue 16 defect 1)', async () => {
    const { adapter, engine } = await setup();
    const m = migration('widen').modifyField('t', 'a', { type: 'string', length: 255 }).modifyField('t', 'b', { length: 255 }).build();
    expect(m.irreversible).toBeDefined(); // the builder cannot know the old definitions
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === 'widen');
    expect(row?.migration.up.map((op) => (op as { previous?: unknown }).previous)).toEqual([
      { name: 'a', type: 'text' },
      { name: 'b', type: 'string', length: 100 },
    ]);
    expect(row?.migration.irreversible).toBeUndefined();
    expect(adapter.database.state.collections.get('t')?.fields.slice(1)).toEqual([
      { name: 'a', type: 'string', length: 255 },
      { name: 'b', type: 'string', length: 255 },
    ]);
    await engine.down(m);
    expect(adapter.database.state.collections.get('t')?.fields.slice(1)).toEqual([
      { name: 'a', type: 'text' },
      { name: 'b', type: 'string', length: 100 },
    ]);
  });

  it('refuses before any change when the field does not exist, and records nothing', async () => {
    const { adapter, engine } = await setup();
    const m = migration('bad').addField('t', 'c', 'integer').modifyField('t', 'nope', { length: 9 }).build();
    const io = adapter.database.state.history.length;
    const error = await engine.up(m).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).toContain('has no field "nope"');
    expect(adapter.database.state.history.length).toBe(io);
    expect(adapter.database.state.collections.get('t')?.fields.map((f) => f.name)).toEqual(['id', 'a', 'b']);
  });

  it('sees what earlier ops of the same migration did', async () => {
    const { engine } = await setup();
    const m = migration('add_then_modify').addField('t', 'c', { type: 'string', length: 10 }).modifyField('t', 'c', { length: 20 }).build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    expect((row?.migration.up[1] as { previous?: unknown } | undefined)?.previous).toEqual({ name: 'c', type: 'string', length: 10 });
  });

  it('refuses an op that needs the live schema after a raw op in the same migration', async () => {
    const { engine } = await setup();
    const m = migration('raw_then_drop')
      .raw('memory', { set: 'k', value: 1 }, { down: { command: { delete: 'k' } } })
      .dropField('t', 'a')
      .build();
    await expect(engine.up(m)).rejects.toThrow(/after a raw operation/);
  });

  it('keeps a hand-written down as written', async () => {
    const { engine } = await setup();
    const m: Migration = {
      name: 'custom',
      tag: '20240101_000000_custom',
      up: [{ type: 'dropField', collection: 't', field: 'b' }],
      down: [{ type: 'addField', collection: 't', field: { name: 'b', type: 'text' } }],
    };
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === 'custom');
    expect(row?.migration.down).toEqual(m.down);
  });

  it('plan refuses (typed) what only the live schema can tell; preview reads it and changes nothing', async () => {
    const { adapter, engine } = await setup();
    const m = migration('widen').modifyField('t', 'b', { length: 255 }).build();
    expect(() => engine.plan(m)).toThrow(ValidationError);
    const before = structuredClone(adapter.database.state);
    const preview = await engine.preview(m);
    expect(preview.steps.map((s: Step) => s.kind)).toEqual(['command']);
    expect(adapter.database.state.collections).toEqual(before.collections);
    expect(adapter.database.state.history).toEqual(before.history);
  });

  it('an op compiling to nothing is a stated no-op only when the field already is so; otherwise refused', () => {
    class Silent extends MemoryAdapter {
      override compile(op: Parameters<MemoryAdapter['compile']>[0], ctx: Parameters<MemoryAdapter['compile']>[1]) {
        return op.type === 'modifyField' ? [] : super.compile(op, ctx);
      }
    }
    const engine = new MigrationEngine(new Silent());
    const previous = { name: 'b', type: 'string', length: 100 } as const;
    const same = engine.plan(migration('same').modifyField('t', 'b', { length: 100 }, { previous }).build());
    expect(same.steps.map((s) => s.kind)).toEqual(['noop']);
    expect(() => engine.plan(migration('widen').modifyField('t', 'b', { length: 255 }, { previous }).build())).toThrow(/compiles to nothing/);
  });

  it('singleTransaction resolves each migration against the schema the earlier ones leave', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl: true });
    const engine = new MigrationEngine(adapter);
    const list = [create(), migration('add_c').addField('t', 'c', { type: 'string', length: 5 }).build(), migration('widen_c').modifyField('t', 'c', { length: 50 }).build()];
    await engine.upAll(list, { singleTransaction: true });
    const row = (await engine.getHistory()).find((h) => h.name === 'widen_c');
    expect((row?.migration.up[0] as { previous?: unknown } | undefined)?.previous).toEqual({ name: 'c', type: 'string', length: 5 });
    await engine.down(list[2]!);
    expect(adapter.database.state.collections.get('t')?.fields.find((f) => f.name === 'c')).toEqual({ name: 'c', type: 'string', length: 5 });
  });
});

describe('history order is apply order (issue 16 defect 2)', () => {
  it('a migration that failed and later succeeded is listed where it succeeded, even in the same millisecond', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    const b = migration('b').tag('20240102_000000_b').addField('invoices', 'total', 'integer').build();
    const a = migration('a')
      .tag('20240101_000000_a')
      .createCollection('invoices', [{ name: 'id', type: 'integer', primaryKey: true }])
      .build();
    await expect(engine.up(b)).rejects.toThrow();
    await engine.up(a);
    await engine.up(b);
    expect((await engine.getHistory()).map((h) => h.name)).toEqual(['a', 'b']);
    const [ha, hb] = await engine.getHistory();
    expect(hb!.appliedAt!.getTime()).toBeGreaterThan(ha!.appliedAt!.getTime());
  });
});

describe('previewAll', () => {
  it('resolves each pending migration against what the earlier ones leave, and changes nothing', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    const list = [create(), migration('add_c').addField('t', 'c', { type: 'string', length: 5 }).build(), migration('widen_c').modifyField('t', 'c', { length: 50 }).build()];
    const plans = await engine.previewAll(list);
    expect(plans.map((p) => p.steps.length)).toEqual([1, 1, 1]);
    expect(adapter.database.state.collections.size).toBe(0);
    expect(adapter.database.state.history).toEqual([]);
  });
});

describe('dropField drops what hangs on the field explicitly, so down brings it back', () => {
  it('an index and a unique constraint on the dropped field are recreated by down', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(
      migration('create_u')
        .createCollection('u', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'a', type: 'string' },
          { name: 'b', type: 'string' },
        ])
        .createIndex('u', 'u_ab', ['a', 'b'])
        .addConstraint('u', { name: 'u_b_uq', type: 'unique', columns: ['b'] })
        .build(),
    );
    const before = structuredClone(adapter.database.state.collections.get('u'));
    const m = migration('drop_b')
      .dropField('u', 'b', { previous: { name: 'b', type: 'string' } })
      .build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === 'drop_b');
    expect(row?.migration.up.map((op) => op.type)).toEqual(['dropIndex', 'dropConstraint', 'dropField']);
    expect(adapter.database.state.collections.get('u')?.indexes).toEqual([]);
    await engine.down(m);
    expect(adapter.database.state.collections.get('u')).toEqual(before);
  });
});

describe('modifyField to and from a native type', () => {
  it('leaving a native type drops its text, and the down brings it back', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(
      migration('create_n')
        .createCollection('n', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'body', type: 'native', native: 'mediumtext' },
        ])
        .build(),
    );
    const m = migration('to_text').modifyField('n', 'body', { type: 'text' }).build();
    await engine.up(m);
    expect(adapter.database.state.collections.get('n')?.fields[1]).toEqual({ name: 'body', type: 'text' });
    await engine.down(m);
    expect(adapter.database.state.collections.get('n')?.fields[1]).toEqual({ name: 'body', type: 'native', native: 'mediumtext' });
  });
});

describe('addField of a field that exists', () => {
  it('is refused before any change (a schemaless store would replace it silently)', async () => {
    const { adapter, engine } = await setup();
    const before = structuredClone(adapter.database.state);
    const error = await engine.up(migration('again').addField('t', 'a', 'integer').build()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).toContain('already has a field "a"');
    expect(adapter.database.state.collections).toEqual(before.collections);
    expect(adapter.database.state.history).toEqual(before.history);
  });
});

describe('dropField after renameField in the same migration', () => {
  it('still takes the index created earlier on the renamed column (roundTrip finding 8)', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(
      migration('create_mc')
        .createCollection('mc', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'Order', type: 'integer' },
        ])
        .build(),
    );
    const before = structuredClone(adapter.database.state.collections.get('mc'));
    const m = migration('ix_rename_drop')
      .createIndex('mc', 'mc_ix', [{ name: 'Order' }, { name: 'id' }])
      .renameField('mc', 'Order', 'Order_2')
      .dropField('mc', 'Order_2')
      .build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    expect(row?.migration.up.map((op) => op.type)).toEqual(['createIndex', 'renameField', 'dropIndex', 'dropField']);
    await engine.down(m);
    expect(adapter.database.state.collections.get('mc')).toEqual(before);
  });
});

describe('dropField of a column a check constraint names', () => {
  it('drops the check explicitly, and down restores it (roundTrip findings 2 and 5)', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(
      migration('create_items')
        .createCollection('items', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'select', type: 'bigint', default: 42, required: true },
          { name: 'n', type: 'integer' },
        ])
        .build(),
    );
    const m = migration('check_then_drop')
      .addConstraint('items', { name: 'items_ck', type: 'check', expression: '"select" >= 0' })
      .addConstraint('items', { name: 'items_n_ck', type: 'check', expression: "n > 0 AND 'select' <> ''" })
      .dropField('items', 'select')
      .build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    // The check naming "select" goes with it; the one that only has 'select' in a string stays.
    expect(row?.migration.up.map((op) => (op.type === 'dropConstraint' ? `drop ${op.name}` : op.type))).toEqual(['addConstraint', 'addConstraint', 'drop items_ck', 'dropField']);
  });
});

describe('renameCollection carries the collection it renames (roundTrip findings 3, 4, 6)', () => {
  it('records previous, refuses a taken name before any change, and down renames back', async () => {
    const { adapter, engine } = await setup();
    await engine.up(
      migration('create_u')
        .createCollection('u', [{ name: 'id', type: 'integer', primaryKey: true }])
        .build(),
    );
    const taken = migration('rename_onto_u').renameCollection('t', 'u').build();
    const io = adapter.database.state.history.length;
    const error = await engine.up(taken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).toContain('"u" already exists');
    expect(adapter.database.state.history.length).toBe(io);
    const before = adapter.database.state.collections.get('t');
    const m = migration('rename_t').renameCollection('t', 'people').build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    expect(row?.migration.up[0]).toEqual({ type: 'renameCollection', from: 't', to: 'people', previous: before });
    expect(row?.migration.down[0]).toEqual({ type: 'renameCollection', from: 'people', to: 't', previous: { ...before, name: 'people' } });
    await engine.down(m);
    expect(adapter.database.state.collections.get('t')).toEqual(before);
  });
});

describe('dropCollection of a collection other collections reference (roundTrip finding 12)', () => {
  const parent = () =>
    migration('create_parent')
      .createCollection('parent', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'code', type: 'string', length: 10, unique: true },
      ])
      .createCollection('child', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'parent_id', type: 'integer', references: { table: 'parent', columns: ['id'], onDelete: 'CASCADE' } },
      ])
      .build();

  it('with cascade: drops the foreign keys explicitly first, and down restores them', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(parent());
    const before = structuredClone(Object.fromEntries(adapter.database.state.collections));
    const m = migration('drop_parent').dropCollection('parent', { cascade: true }).build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    expect(row?.migration.up.map((op) => (op.type === 'dropConstraint' ? `drop ${op.collection}.${op.name}` : op.type))).toEqual(['drop child.child_parent_id_fkey', 'dropCollection']);
    expect(adapter.database.state.collections.get('child')?.constraints).toEqual([]);
    await engine.down(m);
    expect(Object.fromEntries(adapter.database.state.collections)).toEqual(before);
  });

  it('without cascade: refused before any change, naming the key', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(parent());
    const io = adapter.database.state.history.length;
    const error = await engine.up(migration('drop_parent').dropCollection('parent').build()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String((error as Error).message)).toContain('child.child_parent_id_fkey');
    expect(adapter.database.state.history.length).toBe(io);
    expect(adapter.database.state.collections.has('parent')).toBe(true);
  });

  it('follows keys added, dropped and renamed earlier in the same migration', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(parent());
    const m = migration('reshape')
      .dropConstraint('child', 'child_parent_id_fkey')
      .createCollection('other', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'p', type: 'integer' },
      ])
      .addConstraint('other', { name: 'other_p_fk', type: 'foreignKey', columns: ['p'], references: { table: 'parent', columns: ['id'] } })
      .renameCollection('parent', 'folks')
      .dropCollection('folks', { cascade: true })
      .build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    expect(row?.migration.up.map((op) => (op.type === 'dropConstraint' ? `drop ${op.collection}.${op.name}` : op.type))).toEqual([
      'drop child.child_parent_id_fkey',
      'createCollection',
      'addConstraint',
      'renameCollection',
      'drop other.other_p_fk',
      'dropCollection',
    ]);
    await engine.down(m);
    expect(adapter.database.state.collections.get('child')?.constraints?.map((k) => k.name)).toEqual(['child_parent_id_fkey']);
    expect(adapter.database.state.collections.has('other')).toBe(false);
  });
});

describe('a foreign key read after the table or column it references was renamed in the same run (roundTrip finding 13)', () => {
  const base = () =>
    migration('base')
      .createCollection('tags', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'code', type: 'text', unique: true },
      ])
      .createCollection('posts', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'tag', type: 'text' },
      ])
      .addConstraint('posts', { name: 'posts_fk', type: 'foreignKey', columns: ['tag'], references: { table: 'tags', columns: ['code'] } })
      .build();

  async function roundTrip(m: Migration) {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(base());
    const before = structuredClone(Object.fromEntries(adapter.database.state.collections));
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    await engine.down(m);
    expect(Object.fromEntries(adapter.database.state.collections)).toEqual(before);
    return row?.migration;
  }

  it('renameCollection, then dropConstraint of a key to it: the recorded key points at the new name', async () => {
    const m = migration('c1')
      .renameCollection('tags', 'labels')
      .createCollection('tags', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'code', type: 'text' },
      ])
      .dropConstraint('posts', 'posts_fk')
      .build();
    const recorded = await roundTrip(m);
    expect(recorded?.up[2]).toMatchObject({ type: 'dropConstraint', previous: { references: { table: 'labels', columns: ['code'] } } });
  });

  it('renameField, then dropConstraint of a key to it: the recorded key names the new column', async () => {
    const recorded = await roundTrip(migration('c2').renameField('tags', 'code', 'label').dropConstraint('posts', 'posts_fk').build());
    expect(recorded?.up[1]).toMatchObject({ type: 'dropConstraint', previous: { references: { table: 'tags', columns: ['label'] } } });
  });

  it('renameCollection, then a cascading drop under the new name: the key to it is found and restored (finding 12)', async () => {
    const recorded = await roundTrip(migration('c3').renameCollection('tags', 'labels').dropCollection('labels', { cascade: true }).build());
    expect(recorded?.up.map((op) => op.type)).toEqual(['renameCollection', 'dropConstraint', 'dropCollection']);
  });
});

describe('a check naming a renamed column (roundTrip PostgreSQL full run)', () => {
  it('the collection a later drop records carries the check as the database rewrote it, so the down recreates it', async () => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    const m = migration('h324_0')
      .createCollection('Order', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'name', type: 'integer', required: true, unique: true },
      ])
      .addConstraint('Order', { name: 'Order_ck', type: 'check', expression: "\"name\" >= 0 AND name < 1000 AND 'name' <> ''" })
      .renameField('Order', 'name', 'Order')
      .dropCollection('Order')
      .build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((h) => h.name === m.name);
    const drop = row?.migration.up.at(-1);
    expect(drop?.type === 'dropCollection' ? drop.previous?.constraints : undefined).toEqual([{ name: 'Order_ck', type: 'check', expression: '"Order" >= 0 AND "Order" < 1000 AND \'name\' <> \'\'' }]);
  });
});

describe('renameInExpression', () => {
  it('rewrites quoted and bare mentions, in the expression’s own quoting, and leaves literals and longer names alone', async () => {
    const { renameInExpression } = await import('../src/helpers/check-expression.js');
    expect(renameInExpression('"a" > 0 AND a_b > 0 AND a < 9', 'a', 'b')).toBe('"b" > 0 AND a_b > 0 AND b < 9');
    expect(renameInExpression('`qty` > 0 and qty < 5', 'qty', 'Amount')).toBe('`Amount` > 0 and `Amount` < 5');
    expect(renameInExpression("x = 'x' OR x IS NULL", 'x', 'y')).toBe("y = 'x' OR y IS NULL");
  });
});
