import { describe, expect, it } from 'vitest';
import { DatabaseService, MigrationEngine, migration } from '../src/index.js';
import { configFor, sql } from './support/postgres-target.js';

// Issue 16: db.schema follows the engine's rules on PGlite (the embedded PostgreSQL).
async function connect(): Promise<DatabaseService> {
  const db = new DatabaseService({ config: configFor('pglite://memory'), vars: {} });
  await db.connect({ env: 'dev', product: 'app', database: 'main' });
  return db;
}

const tables = async (db: DatabaseService) =>
  (await sql(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_ductape%' ORDER BY 1")).map((r) => r.table_name);

describe('db.schema on PGlite', () => {
  it('create with ifNotExists on an existing table records a down that leaves the table (defect 3)', async () => {
    const db = await connect();
    await db.schema.create('users', { id: { type: 'uuid', primaryKey: true }, email: 'string' });
    const again = await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } }, { sqlOptions: { ifNotExists: true } });
    const engine = new MigrationEngine(db.getAdapter());
    await engine.down(again.migration);
    expect(await tables(db)).toEqual(['users']);
    const columns = await sql(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position");
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'email']);
  });

  it('rename renames the table and its down renames it back', async () => {
    const db = await connect();
    await db.schema.create('people', { id: { type: 'uuid', primaryKey: true } });
    const { migration, result } = await db.schema.rename('people', 'users');
    expect(result.outcome).toBe('applied');
    expect(await tables(db)).toEqual(['users']);
    await new MigrationEngine(db.getAdapter()).down(migration);
    expect(await tables(db)).toEqual(['people']);
  });

  it('rename refuses a target that exists, before any change', async () => {
    const db = await connect();
    await db.schema.create('a', { id: { type: 'uuid', primaryKey: true } });
    await db.schema.create('b', { id: { type: 'uuid', primaryKey: true } });
    await expect(db.schema.rename('a', 'b')).rejects.toMatchObject({ code: 'DUCTAPE_ALREADY_EXISTS' });
    expect(await tables(db)).toEqual(['a', 'b']);
  });

  it('dropConstraint of a field unique key by its portable name, and down restores it', async () => {
    const db = await connect();
    await db.schema.create('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', unique: true } });
    const uniques = () => sql(db, "SELECT conname FROM pg_constraint WHERE conrelid = 'users'::regclass AND contype = 'u'");
    expect((await uniques()).map((r) => r.conname)).toEqual(['users_email_key']);
    const { migration } = await db.schema.dropConstraint('users', 'users_email_key');
    expect(await uniques()).toEqual([]);
    await new MigrationEngine(db.getAdapter()).down(migration);
    expect((await uniques()).map((r) => r.conname)).toEqual(['users_email_key']);
  });
});

describe('an engine on db.getAdapter() (roundTrip finding: the sdk adapter did not forward referencingKeys)', () => {
  it("a cascading drop of a referenced table through the sdk's adapter: the down restores the other table's foreign key", async () => {
    const db = await connect();
    const engine = new MigrationEngine(db.getAdapter());
    await engine.up(
      migration('base')
        .createCollection('items', [{ name: 'id', type: 'integer', primaryKey: true }])
        .createCollection('orders', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'item', type: 'integer', references: { table: 'items', onDelete: 'SET NULL' } },
        ])
        .build(),
    );
    const keys = "SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'f'";
    expect((await sql(db, keys)).map((r) => r.conname)).toEqual(['orders_item_fkey']);
    const drop = migration('drop_items').dropCollection('items', { cascade: true }).build();
    await engine.up(drop);
    expect(await sql(db, keys)).toEqual([]);
    await engine.down(drop);
    expect((await sql(db, keys)).map((r) => r.conname)).toEqual(['orders_item_fkey']);
  });
});
