import { MigrationEngine, migration } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { targetDrift } from '../../src/drift/target-drift.js';
import { withPglite } from '../support/pglite.js';
import { tempDir } from '@ductape/services/temp-dir';

// Issue 24: drift compares indexes, unique constraints, foreign keys and checks, not only fields,
// on embedded PGlite (the PostgreSQL adapter): each hand change below reported "no drift" before.

const CREATE = '20261201_000001_create';
const create = migration('create')
  .tag(CREATE)
  .createCollection('users', {
    id: { type: 'integer', primaryKey: true },
    email: { type: 'string', length: 255, unique: true },
    status: { type: 'string', length: 20 },
    nick: { type: 'string', length: 40 },
    role: { type: 'enum', enumValues: ['admin', 'member'] },
  })
  .createCollection('orders', {
    id: { type: 'integer', primaryKey: true },
    user_id: { type: 'integer', references: { table: 'users' } },
    total: { type: 'decimal', precision: 10, scale: 2 },
    code: { type: 'string', length: 20 },
  })
  .createIndex('orders', 'orders_total_idx', ['total'])
  .createIndex('users', 'users_active_status_idx', ['status'], { where: "status = 'active'" })
  .addConstraint('orders', { name: 'orders_total_check', type: 'check', expression: 'total >= 0' })
  .addConstraint('users', { name: 'users_nick_key', type: 'unique', columns: ['nick'] })
  .build();

/** A fresh embedded database with `create` applied, then `sql` run by hand; the drift of it. */
async function driftAfter(sql: string, more: readonly ReturnType<typeof migration>[] = []) {
  const dir = tempDir('ductape-drift-keys-');
  return withPglite(dir, async (adapter) => {
    const engine = new MigrationEngine(adapter);
    await engine.up(create);
    for (const m of more) await engine.up(m.build());
    if (sql) await adapter.query(sql);
    return targetDrift(adapter);
  });
}

describe('drift of indexes and constraints (PGlite)', () => {
  it('names the database or the adapter derives are no drift: <table>_pkey, <table>_<column>_key, <table>_<column>_fkey, the enum check, a check PostgreSQL rewrote', async () => {
    const clean = await driftAfter('');
    expect(clean.drifts).toEqual([]);
    expect(clean.notCompared).toEqual([]);
    // The field's own unique key is compared under the name the adapter gives it.
    const dropped = await driftAfter('ALTER TABLE users DROP CONSTRAINT users_email_key');
    expect(dropped.drifts).toEqual([{ collection: 'users', kind: 'missing-unique', name: 'users_email_key', expected: '(email)', madeBy: CREATE }]);
  });

  it('a dropped unique constraint', async () => {
    const r = await driftAfter('ALTER TABLE users DROP CONSTRAINT users_nick_key');
    expect(r.drifts).toEqual([{ collection: 'users', kind: 'missing-unique', name: 'users_nick_key', expected: '(nick)', madeBy: CREATE }]);
  });

  it('a lost foreign key, and one whose rule changed', async () => {
    const lost = await driftAfter('ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey');
    expect(lost.drifts).toEqual([{ collection: 'orders', kind: 'missing-foreign-key', name: 'orders_user_id_fkey', expected: '(user_id) → users(id)', madeBy: CREATE }]);
    const changed = await driftAfter(
      'ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey; ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE',
    );
    expect(changed.drifts).toEqual([
      { collection: 'orders', kind: 'changed-foreign-key', name: 'orders_user_id_fkey', expected: '(user_id) → users(id)', actual: '(user_id) → users(id) on delete CASCADE', madeBy: CREATE },
    ]);
  });

  it('a dropped index, and a partial index recreated without its predicate', async () => {
    const r = await driftAfter('DROP INDEX orders_total_idx; DROP INDEX users_active_status_idx; CREATE INDEX users_active_status_idx ON users (status)');
    expect(r.drifts).toEqual([
      { collection: 'users', kind: 'changed-index', name: 'users_active_status_idx', expected: "(status) where status = 'active'", actual: '(status)', madeBy: CREATE },
      { collection: 'orders', kind: 'missing-index', name: 'orders_total_idx', expected: '(total)', madeBy: CREATE },
    ]);
  });

  it('an index no migration made, and a column order that differs', async () => {
    const r = await driftAfter('CREATE UNIQUE INDEX orders_code_idx ON orders (code, id); DROP INDEX orders_total_idx; CREATE INDEX orders_total_idx ON orders (total DESC)');
    expect(r.drifts).toEqual([
      { collection: 'orders', kind: 'changed-index', name: 'orders_total_idx', expected: '(total)', actual: '(total DESC)', madeBy: CREATE },
      { collection: 'orders', kind: 'extra-index', name: 'orders_code_idx', actual: '(code, id) unique' },
    ]);
  });

  it('a changed check (the spelling PostgreSQL prints is not a change)', async () => {
    const r = await driftAfter('ALTER TABLE orders DROP CONSTRAINT orders_total_check; ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total > 100)');
    expect(r.drifts).toEqual([{ collection: 'orders', kind: 'changed-check', name: 'orders_total_check', expected: '(total >= 0)', actual: '(total > (100)::numeric)', madeBy: CREATE }]);
  });

  it('follows renames and later migrations: keys carried by a table and column rename, a dropped index, a key added later (made by that migration; a key the rename only points elsewhere keeps its maker)', async () => {
    const LATER = '20261202_000001_later';
    const later = migration('later')
      .tag(LATER)
      .renameCollection('users', 'members')
      .renameField('members', 'nick', 'handle')
      .dropIndex('orders', 'orders_total_idx', { previous: { name: 'orders_total_idx', fields: [{ name: 'total' }] } })
      .addConstraint('orders', { name: 'orders_code_key', type: 'unique', columns: ['code'] });
    expect((await driftAfter('', [later])).drifts).toEqual([]);
    const r = await driftAfter('ALTER TABLE orders DROP CONSTRAINT orders_code_key; ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey', [later]);
    expect(r.drifts).toEqual([
      { collection: 'orders', kind: 'missing-unique', name: 'orders_code_key', expected: '(code)', madeBy: LATER },
      { collection: 'orders', kind: 'missing-foreign-key', name: 'orders_user_id_fkey', expected: '(user_id) → members(id)', madeBy: CREATE },
    ]);
  });
});
