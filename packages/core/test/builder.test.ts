import { describe, expect, it } from 'vitest';
import { MigrationBuilder, MigrationEngine, migration, type Operation } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

describe('migration builder', () => {
  it('builds the spec example with derived down, frozen', () => {
    const m = migration('create_users_with_indexes')
      .description('Create users table with all indexes')
      .createCollection('users', [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 'email', type: 'string', length: 255, unique: true },
        { name: 'name', type: 'string', length: 100 },
        { name: 'status', type: 'enum', enumValues: ['active', 'inactive'] },
      ])
      .createIndex('users', 'idx_users_email', [{ name: 'email' }], { unique: true })
      .createIndex('users', 'idx_users_status', [{ name: 'status' }])
      .build();
    expect(m.name).toBe('create_users_with_indexes');
    expect(m.tag).toMatch(/^\d{8}_\d{6}_create_users_with_indexes$/);
    expect(m.description).toBe('Create users table with all indexes');
    expect(m.up.map((o) => o.type)).toEqual(['createCollection', 'createIndex', 'createIndex']);
    expect(m.down).toEqual([
      { type: 'dropIndex', collection: 'users', name: 'idx_users_status', previous: { name: 'idx_users_status', fields: [{ name: 'status' }] } },
      { type: 'dropIndex', collection: 'users', name: 'idx_users_email', previous: { name: 'idx_users_email', fields: [{ name: 'email' }], unique: true } },
      { type: 'dropCollection', name: 'users' },
    ]);
    expect(Object.isFrozen(m) && Object.isFrozen(m.up) && Object.isFrozen(m.up[0])).toBe(true);
    expect(m instanceof Object && new MigrationBuilder('x') instanceof MigrationBuilder).toBe(true);
  });

  it('accepts the object shorthand and timestamps', () => {
    const m = migration('products')
      .createCollection('products', { id: { type: 'uuid', primaryKey: true }, stock: 'integer' }, { timestamps: true })
      .build();
    const op = m.up[0] as Extract<Operation, { type: 'createCollection' }>;
    expect(op.fields.map((f) => [f.name, f.type])).toEqual([
      ['id', 'uuid'],
      ['stock', 'integer'],
      ['created_at', 'datetime'],
      ['updated_at', 'datetime'],
    ]);
    expect(op.fields[2]).toMatchObject({ required: true, default: { $fn: 'now' } });
  });

  it('gives addField the down the spec shows', () => {
    const m = migration('add_phone').addField('users', 'phone', { type: 'string', length: 20 }).build();
    expect(m.up).toEqual([{ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } }]);
    expect(m.down).toEqual([{ type: 'dropField', collection: 'users', field: 'phone' }]);
  });

  it('marks a raw operation without down irreversible, and keeps one with down reversible', () => {
    const irr = migration('custom_operation').raw('postgresql', 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"').raw('postgresql', 'CREATE INDEX CONCURRENTLY idx_users_email ON users(email)').build();
    expect(irr.irreversible).toMatch(/no down/);
    expect(irr.down).toEqual([]);
    const rev = migration('ext').raw('postgresql', 'CREATE EXTENSION x', { down: 'DROP EXTENSION x' }).build();
    expect(rev.down).toEqual([{ type: 'raw', dialect: 'postgresql', sql: 'DROP EXTENSION x', down: { sql: 'CREATE EXTENSION x' } }]);
  });

  it('throws one ValidationError listing every problem', () => {
    const b = migration('bad').createCollection('t', [
      { name: 'a', type: 'enum' },
      { name: 'a', type: 'nope' as never },
    ]);
    expect(() => b.build()).toThrowError(/enumValues.*|duplicate/);
    try {
      b.build();
    } catch (e) {
      expect((e as { issues: unknown[] }).issues.length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('inverse of every operation: up then down restores the schema', () => {
  const prev = { name: 'age', type: 'integer' } as const;
  const base = () =>
    migration('base')
      .createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 }, age: 'integer' })
      .createCollection('teams', { id: { type: 'uuid', primaryKey: true } })
      .createIndex('users', 'idx_email', ['email'])
      .addConstraint('users', { name: 'ck_age', type: 'check', expression: 'age > 0' })
      .build();

  const cases: [string, (b: MigrationBuilder) => MigrationBuilder][] = [
    ['createCollection', (b) => b.createCollection('extra', { id: 'uuid' })],
    ['dropCollection', (b) => b.dropCollection('teams', { previous: { name: 'teams', fields: [{ name: 'id', type: 'uuid', primaryKey: true }], indexes: [], constraints: [] } })],
    ['addField', (b) => b.addField('users', 'phone', 'string')],
    ['dropField', (b) => b.dropField('users', 'age', { previous: prev })],
    ['renameField', (b) => b.renameField('users', 'email', 'mail')],
    ['modifyField', (b) => b.modifyField('users', 'email', { length: 500, required: true }, { previous: { name: 'email', type: 'string', length: 255 } })],
    ['createIndex', (b) => b.createIndex('users', 'idx_age', [{ name: 'age', order: 'DESC' }], { where: 'age > 18' })],
    ['dropIndex', (b) => b.dropIndex('users', 'idx_email', { previous: { name: 'idx_email', fields: [{ name: 'email' }] } })],
    ['addConstraint', (b) => b.addConstraint('users', { name: 'fk_team', type: 'foreignKey', columns: ['id'], references: { table: 'teams', columns: ['id'], onDelete: 'CASCADE' } })],
    ['dropConstraint', (b) => b.dropConstraint('users', 'ck_age', { previous: { name: 'ck_age', type: 'check', expression: 'age > 0' } })],
    ['raw', (b) => b.raw('memory', { set: 'k', value: 1 }, { down: { command: { delete: 'k' } } })],
  ];

  it.each(cases)('%s', async (_name, add) => {
    const adapter = new MemoryAdapter();
    const engine = new MigrationEngine(adapter);
    await engine.up(base());
    const before = structuredClone(adapter.database.state.collections);
    const m = add(migration('change')).build();
    await engine.up(m);
    // The change did something (raw writes a value; the others change the schema)…
    expect({ schema: adapter.database.state.collections, values: adapter.database.state.values.size }).not.toEqual({ schema: before, values: 0 });
    await engine.down(m);
    // …and down undid exactly that.
    expect(adapter.database.state.collections).toEqual(before);
    expect(adapter.database.state.values.size).toBe(0);
  });

  it('a drop without its previous definition makes the migration irreversible', () => {
    expect(migration('d').dropField('users', 'age').build().irreversible).toMatch(/previous definition/);
  });
});

describe('renameField with its previous definition', () => {
  it('keeps previous on both sides, renamed', () => {
    const m = migration('rn')
      .renameField('events', 'ts', 'at', { previous: { name: 'ts', type: 'timestamp', primaryKey: true } })
      .build();
    expect(m.down).toEqual([{ type: 'renameField', collection: 'events', from: 'at', to: 'ts', previous: { name: 'at', type: 'timestamp', primaryKey: true } }]);
  });
});
