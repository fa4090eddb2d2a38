import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MigrationEngine, ValidationError, migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

// roundTrip finding (PostgreSQL full run): index and key names are relations, unique per schema.
// A migration that creates one under a name another relation holds used to fail at that step,
// after the earlier steps ran (a CONCURRENTLY build runs outside the transaction, so they stayed).
// preflight refuses it before anything is written.
describe.skipIf(!server)('postgres (pg server): relation names are unique per schema', () => {
  let db: TempDatabase;
  let client: pg.Client;
  let adapter: PostgresAdapter;
  let engine: MigrationEngine;
  const run = async (text: string): Promise<Record<string, unknown>[]> => (await client.query(text)).rows;
  const columns = async (table: string): Promise<string[]> =>
    (await run(`SELECT column_name::text AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '${table}' ORDER BY ordinal_position`)).map((r) => String(r.c));
  const history = async (): Promise<string[]> => (await run(`SELECT name || ':' || status AS r FROM _ductape_migrations ORDER BY id`)).map((r) => String(r.r));
  const refusal = async (p: Promise<unknown>): Promise<ValidationError> => {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  };

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'relnames');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
  });
  afterAll(async () => {
    await adapter?.close();
    await client?.end();
    await db?.drop();
  });
  beforeEach(async () => {
    await run('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    engine = new MigrationEngine(adapter, { compileOptions: { online: true } });
    await engine.up(
      migration('tables')
        .createCollection('a', { id: { type: 'integer', primaryKey: true }, x: 'integer' })
        .createCollection('b', { id: { type: 'integer', primaryKey: true } })
        .createIndex('a', 'x_uq', ['x'])
        .build(),
    );
  });

  it('refuses a unique constraint named like an index of another table: no history row, no change (the reproduction)', async () => {
    const m = migration('b_unique')
      .addField('b', 'y', 'integer')
      .addConstraint('b', { name: 'x_uq', type: 'unique', columns: ['y'] })
      .build();
    const error = await refusal(engine.up(m));
    expect(error.issues).toEqual([{ code: 'relation_exists', path: 'up[1]', message: expect.stringContaining('relation "x_uq" already exists in schema "public" (an index of table "a")') }]);
    expect(error.message).toContain('cannot create unique constraint "x_uq" on table "b"');
    expect(error.message).toContain('Pick another name, or drop "x_uq" first');
    expect(await history()).toEqual(['tables:applied']);
    expect(await columns('b')).toEqual(['id']);
  });

  it('refuses a primary key, a table and an index named like a key of another table', async () => {
    await refusal(engine.up(migration('c').createCollection('c', { id: 'integer' }).createIndex('c', 'a_pkey', ['id']).build()));
    const table = await refusal(engine.up(migration('t').createCollection('x_uq', { id: 'integer' }).build()));
    expect(table.issues[0]?.message).toContain('cannot create table "x_uq": relation "x_uq" already exists');
    const pk = await refusal(
      engine.up(
        migration('pk')
          .addConstraint('b', { name: 'a_pkey', type: 'primaryKey', columns: ['id'] })
          .build(),
      ),
    );
    expect(pk.issues[0]?.message).toContain('(an index of table "a", behind its primary key)');
    expect(await history()).toEqual(['tables:applied']);
    expect(await run(`SELECT relname::text AS n FROM pg_class WHERE relname IN ('c', 'x_uq') AND relkind = 'r'`)).toEqual([]);
  });

  it('accepts a name freed earlier in the same migration', async () => {
    const m = migration('move_x_uq')
      .dropIndex('a', 'x_uq')
      .addField('b', 'y', 'integer')
      .addConstraint('b', { name: 'x_uq', type: 'unique', columns: ['y'] })
      .build();
    expect((await engine.up(m)).outcome).toBe('applied');
    expect(await run(`SELECT tablename::text AS t FROM pg_indexes WHERE indexname = 'x_uq'`)).toEqual([{ t: 'b' }]);
    expect((await engine.down(m)).outcome).toBe('rolled_back');
    expect(await run(`SELECT tablename::text AS t FROM pg_indexes WHERE indexname = 'x_uq'`)).toEqual([{ t: 'a' }]);
  });

  it('accepts a CHECK or FOREIGN KEY name reused on another table, and one named like an index (they are not relations)', async () => {
    const m = migration('checks')
      .addConstraint('a', { name: 'ck_pos', type: 'check', expression: 'id > 0' })
      .addConstraint('b', { name: 'ck_pos', type: 'check', expression: 'id > 0' })
      .addConstraint('b', { name: 'x_uq', type: 'check', expression: 'id < 1000' })
      .addConstraint('a', { name: 'fk_same', type: 'foreignKey', columns: ['x'], references: { table: 'b', columns: ['id'] } })
      .addConstraint('b', { name: 'fk_same', type: 'foreignKey', columns: ['id'], references: { table: 'a', columns: ['id'] } })
      .build();
    expect((await engine.up(m)).outcome).toBe('applied');
    expect((await engine.down(m)).outcome).toBe('rolled_back');
  });

  it('refuses a rename into a taken name: a table renamed to an index name, or its derived primary key onto another table’s index', async () => {
    const table = await refusal(engine.up(migration('rename_table').renameCollection('b', 'x_uq').build()));
    expect(table.issues[0]).toMatchObject({ code: 'relation_exists', path: 'up[0]' });
    expect(table.issues[0]?.message).toContain('cannot rename table "b" to "x_uq"');
    await run('CREATE INDEX c_pkey ON a (x)');
    // b → c renames b_pkey to c_pkey (its previous is filled at apply time): taken by an index of a.
    const key = await refusal(engine.up(migration('rename_key').renameCollection('b', 'c').build()));
    expect(key.issues[0]?.message).toContain('cannot rename the key "b_pkey" of table "c" to "c_pkey"');
    expect(await history()).toEqual(['tables:applied']);
    expect(await run(`SELECT relname::text AS n FROM pg_class WHERE relname IN ('b', 'c') AND relkind = 'r'`)).toEqual([{ n: 'b' }]);
  });

  it('accepts a rename when the name is freed first, and a key whose unnamed inline primary key PostgreSQL names itself', async () => {
    await run('CREATE INDEX c_pkey ON a (x)');
    const m = migration('rename_after_drop').dropIndex('a', 'x_uq').renameCollection('b', 'x_uq').build();
    expect((await engine.up(m)).outcome).toBe('applied');
    // CREATE TABLE c (id PRIMARY KEY): PostgreSQL calls its key c_pkey1, as c_pkey is taken.
    expect(
      (
        await engine.up(
          migration('c')
            .createCollection('c', { id: { type: 'integer', primaryKey: true } })
            .build(),
        )
      ).outcome,
    ).toBe('applied');
  });
});
