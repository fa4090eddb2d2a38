import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MigrationEngine, migration, uniqueKeyName } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();
const AT = new Date('2026-01-01T00:00:00Z');
let seq = 0;
const at = (): Date => new Date(AT.getTime() + 1000 * seq++);

// Issue 16 on the PostgreSQL server: renameCollection, inline references, portable unique names.
describe.skipIf(!server)('postgres (pg server): renameCollection, inline references, unique names', () => {
  let db: TempDatabase;
  let client: pg.Client;
  let adapter: PostgresAdapter;
  let engine: MigrationEngine;
  const rows = async (text: string, params?: unknown[]): Promise<Record<string, unknown>[]> => (await client.query(text, params)).rows as Record<string, unknown>[];
  const constraintsOf = (table: string): Promise<Record<string, unknown>[]> =>
    rows(`SELECT conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass ORDER BY conname`, [`public.${table}`]);
  const indexesOf = (table: string): Promise<Record<string, unknown>[]> =>
    rows(`SELECT indexname, regexp_replace(indexdef, ' ON public\\.\\S+ ', ' ON <t> ') AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1 ORDER BY indexname`, [table]);
  const tableExists = async (table: string): Promise<boolean> => (await rows(`SELECT to_regclass($1) AS r`, [`public.${table}`]))[0]?.r !== null;

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'rename');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
    engine = new MigrationEngine(adapter);
    const create = migration('create_users_orders')
      .at(at())
      .createCollection('users', {
        id: { type: 'uuid', primaryKey: true },
        email: { type: 'string', length: 100, unique: true },
        status: { type: 'enum', enumValues: ['on', 'off'], default: 'on' },
      })
      .createIndex('users', 'users_status_idx', ['status'])
      .createCollection('orders', { id: { type: 'uuid', primaryKey: true }, userId: { type: 'uuid', references: { table: 'users', onDelete: 'CASCADE' } } })
      .build();
    expect((await engine.up(create)).outcome).toBe('applied');
  });
  afterAll(async () => {
    await adapter?.close();
    await client?.end();
    await db?.drop();
  });

  it('an inline reference creates <table>_<column>_fkey, and its down drops it', async () => {
    const fk = (await constraintsOf('orders')).find((c) => c.contype === 'f');
    expect(fk).toEqual({ conname: 'orders_userId_fkey', contype: 'f', def: 'FOREIGN KEY ("userId") REFERENCES users(id) ON DELETE CASCADE' });
    const add = migration('add_reviewer')
      .at(at())
      .addField('orders', 'reviewerId', { type: 'uuid', references: { table: 'users' } })
      .build();
    expect((await engine.up(add)).outcome).toBe('applied');
    expect((await constraintsOf('orders')).map((c) => c.conname)).toContain('orders_reviewerId_fkey');
    expect((await engine.down(add)).outcome).toBe('rolled_back');
    expect((await constraintsOf('orders')).map((c) => c.conname)).toEqual(['orders_pkey', 'orders_userId_fkey']);
    expect((await rows(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'reviewerId'`))[0]?.n).toBe(0);
  });

  it('renames a table: data and user-named indexes stay, derived constraint names follow the table; foreign keys of other tables follow; down renames back', async () => {
    await client.query(`INSERT INTO users (id, email) VALUES ('00000000-0000-0000-0000-000000000001', 'a@x')`);
    const constraintsBefore = await constraintsOf('users');
    const indexesBefore = await indexesOf('users');
    const rename = migration('rename_users').at(at()).renameCollection('users', 'people').build();
    expect((await engine.up(rename)).outcome).toBe('applied');
    expect(await tableExists('users')).toBe(false);
    expect((await rows(`SELECT email FROM people`))[0]?.email).toBe('a@x');
    // <table>_pkey, <table>_<column>_key and <table>_<column>_enum are renamed with the table (roundTrip findings 3, 4).
    expect(await constraintsOf('people')).toEqual(constraintsBefore.map((c) => ({ ...c, conname: String(c.conname).replace(/^users_/, 'people_') })));
    const renamedIndex = (text: unknown): string => String(text).replace(/\busers_(email_key|pkey)\b/, 'people_$1');
    expect(await indexesOf('people')).toEqual(indexesBefore.map((i) => ({ indexname: renamedIndex(i.indexname), def: renamedIndex(i.def) })));
    expect((await constraintsOf('orders')).find((c) => c.contype === 'f')?.def).toBe('FOREIGN KEY ("userId") REFERENCES people(id) ON DELETE CASCADE');

    // Introspection after the rename: the derived constraints read back as field options, the FK follows.
    const people = await adapter.introspect('people');
    expect(people?.constraints).toEqual([]);
    expect(people?.fields.map((f) => [f.name, f.primaryKey ?? false, f.unique ?? false, f.type])).toEqual([
      ['id', true, false, 'uuid'],
      ['email', false, true, 'string'],
      ['status', false, false, 'enum'],
    ]);
    expect(people?.indexes?.map((i) => i.name)).toEqual(['users_status_idx']);
    expect((await adapter.introspect('orders'))?.constraints?.find((c) => c.type === 'foreignKey')).toMatchObject({ name: 'orders_userId_fkey', references: { table: 'people', columns: ['id'] } });

    expect((await engine.down(rename)).outcome).toBe('rolled_back');
    expect(await tableExists('people')).toBe(false);
    expect(await constraintsOf('users')).toEqual(constraintsBefore);
    expect(await indexesOf('users')).toEqual(indexesBefore);
    expect((await constraintsOf('orders')).find((c) => c.contype === 'f')?.def).toBe('FOREIGN KEY ("userId") REFERENCES users(id) ON DELETE CASCADE');
  });

  it('after a rename, a dropped table comes back from its introspected snapshot with the same names', async () => {
    const make = migration('create_tags')
      .at(at())
      .createCollection('tags', {
        id: { type: 'integer', primaryKey: true, autoIncrement: true },
        label: { type: 'string', length: 40, unique: true, required: true },
        kind: { type: 'enum', enumValues: ['a', 'b'] },
      })
      .createIndex('tags', 'tags_kind_idx', ['kind'])
      .renameCollection('tags', 'labels')
      .build();
    expect((await engine.up(make)).outcome).toBe('applied');
    const constraintsBefore = await constraintsOf('labels');
    const indexesBefore = await indexesOf('labels');
    const previous = await adapter.introspect('labels');
    const drop = migration('drop_labels').at(at()).dropCollection('labels', { previous }).build();
    expect((await engine.up(drop)).outcome).toBe('applied');
    expect(await tableExists('labels')).toBe(false);
    expect((await engine.down(drop)).outcome).toBe('rolled_back');
    expect(await constraintsOf('labels')).toEqual(constraintsBefore);
    expect(await indexesOf('labels')).toEqual(indexesBefore);
  });

  it('unique: true is named uniqueKeyName(table, column) on the server, also past 63 bytes', async () => {
    const table = 'a_rather_long_table_name_for_unique_keys';
    const column = 'and_an_even_longer_column_name_too';
    const m = migration('create_long')
      .at(at())
      .createCollection(table, { id: { type: 'integer', primaryKey: true }, [column]: { type: 'text', unique: true } })
      .build();
    expect((await engine.up(m)).outcome).toBe('applied');
    expect((await constraintsOf(table)).find((c) => c.contype === 'u')?.conname).toBe(uniqueKeyName(table, column));
    expect((await adapter.introspect(table))?.fields.find((f) => f.name === column)?.unique).toBe(true);
  });
});
