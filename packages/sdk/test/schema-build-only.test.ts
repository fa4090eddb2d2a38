import { describe, expect, it } from 'vitest';
import { DatabaseService, MigrationEngine, isSchemaIntent, nextTag } from '../src/index.js';
import { configFor, sql } from './support/postgres-target.js';

// Issue 18: db.schema.* can build a migration without applying it, and its tags always increase.
async function connect(): Promise<DatabaseService> {
  const db = new DatabaseService({ config: configFor('pglite://memory'), vars: {} });
  await db.connect({ env: 'dev', product: 'app', database: 'main' });
  return db;
}

describe('db.schema { apply: false }', () => {
  it('returns the built migration (result null), changes nothing and records nothing', async () => {
    const db = await connect();
    await sql(db, 'CREATE TABLE users (id uuid PRIMARY KEY)');
    const built = await db.schema.addField('users', 'phone', { type: 'string', length: 20 }, { apply: false });
    expect(built.result).toBeNull();
    expect(built.migration.name).toBe('add_phone_to_users');
    expect(built.migration.up).toMatchObject([{ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } }]);
    expect(built.migration.down).toMatchObject([{ type: 'dropField', collection: 'users', field: 'phone' }]);
    const columns = await sql(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position");
    expect(columns.map((c) => c.column_name)).toEqual(['id']);
    expect(await new MigrationEngine(db.getAdapter()).getHistory()).toEqual([]);
    // The same migration applied by the engine does what the intent would have done.
    await new MigrationEngine(db.getAdapter()).up(built.migration);
    const after = await sql(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position");
    expect(after.map((c) => c.column_name)).toEqual(['id', 'phone']);
  });

  it('reads the live schema as an applied call does: a drop carries its definition; no confirmation needed on prd', async () => {
    const db = new DatabaseService({ config: { products: { app: { databases: { main: { environments: { prd: 'pglite://memory' } } } } } }, vars: {} });
    await db.connect({ env: 'prd', product: 'app', database: 'main' });
    await sql(db, 'CREATE TABLE users (id uuid PRIMARY KEY, email varchar(255))');
    const built = await db.schema.dropField('users', 'email', { apply: false });
    expect(built.migration.down).toMatchObject([{ type: 'addField', collection: 'users', field: { name: 'email', type: 'string', length: 255 } }]);
    await expect(db.schema.dropField('users', 'email')).rejects.toMatchObject({ code: 'DUCTAPE_CONFIRMATION_REQUIRED' });
    const columns = await sql(db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position");
    expect(columns.map((c) => c.column_name)).toEqual(['id', 'email']);
  });

  it('names and tags against history: a name taken gets _2, and the tag is after the newest in history', async () => {
    const db = await connect();
    const first = await db.schema.create('t', { id: 'uuid' });
    expect(isSchemaIntent(first.migration)).toBe(true);
    await db.schema.drop('t');
    const built = await db.schema.create('t', { id: 'uuid' }, { apply: false });
    expect(built.migration.name).toBe('create_t_2');
    const history = await new MigrationEngine(db.getAdapter()).getHistory();
    expect(history.map((e) => e.name)).toEqual(['create_t', 'drop_t']);
    const tags = [...history.map((e) => e.tag), built.migration.tag];
    expect([...tags].sort()).toEqual(tags);
    expect(new Set(tags.map((t) => t.slice(0, 15))).size).toBe(3);
  });
});

describe('nextTag', () => {
  it('is now, or one second after the newest existing tag', () => {
    const at = new Date('2024-01-15T14:30:52.900Z');
    expect(nextTag('a', [], at)).toBe('20240115_143052_a');
    expect(nextTag('b', ['20240115_143052_a'], at)).toBe('20240115_143053_b');
    expect(nextTag('c', ['20240115_143052_a', '20240115_143059_b', 'not-a-tag'], at)).toBe('20240115_143100_c');
    expect(nextTag('d', ['20240115_143000_a'], at)).toBe('20240115_143052_d');
    expect(nextTag('e', ['20241231_235959_z'], at)).toBe('20250101_000000_e');
  });
});
