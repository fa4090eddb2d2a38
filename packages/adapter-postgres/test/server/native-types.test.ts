import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MigrationEngine, UnsupportedOperationError, ValidationError, migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

/** What the catalog says of a table's columns: information_schema type and udt, format_type, attgenerated and the generation expression. */
const COLUMNS = `SELECT c.column_name AS name, c.data_type, c.udt_name, format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated AS generated,
    c.generation_expression AS expression, c.column_default AS "default"
  FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = ($1::text)::regclass AND a.attname = c.column_name
  WHERE c.table_schema = 'public' AND c.table_name = $1 ORDER BY c.ordinal_position`;

/** The enum types of schema public with their values in order (pg_type, pg_enum). */
const ENUMS = `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`;

// Issue 25 on PostgreSQL: enum types as CREATE TYPE … AS ENUM (opt-in), citext (refused without
// its extension), inet, cidr, macaddr, tsvector, arrays of them and generated columns as typed
// options, and native types that say which database they are for. Each compared with the catalog.
describe.skipIf(!server)('postgres (pg server): native types (issue 25)', () => {
  let db: TempDatabase;
  let client: pg.Client;
  let adapter: PostgresAdapter;
  let engine: MigrationEngine;
  let seq = 0;
  const at = (): Date => new Date(Date.UTC(2026, 0, 1, 0, seq++));
  const columns = async (table: string) => (await client.query(COLUMNS, [table])).rows;
  const enums = async () => (await client.query(ENUMS)).rows;
  const historyRows = async (name: string) => Number((await client.query('SELECT count(*)::int AS n FROM _ductape_migrations WHERE name = $1', [name])).rows[0]?.n ?? 0);

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'nativetypes');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
    engine = new MigrationEngine(adapter);
  });
  afterAll(async () => {
    await adapter?.close();
    await client?.end();
    await db?.drop();
  });

  it('an enum with enumType is a CREATE TYPE … AS ENUM shared by its fields, read back from pg_enum, dropped with its last user', async () => {
    const create = migration('orders')
      .at(at())
      .createCollection('orders', {
        id: { type: 'integer', primaryKey: true },
        status: { type: 'enum', enumValues: ['new', 'paid'], enumType: 'order_status', default: 'new', required: true },
        legacy: { type: 'enum', enumValues: ['a', 'b'] },
      })
      .build();
    const second = migration('refunds')
      .at(at())
      .createCollection('refunds', { id: { type: 'integer', primaryKey: true }, status: { type: 'enum', enumValues: ['new', 'paid'], enumType: 'order_status' } })
      .build();
    await engine.up(create);
    await engine.up(second);
    expect(await enums()).toEqual([{ name: 'order_status', values: ['new', 'paid'] }]);
    const cols = await columns('orders');
    expect(cols.map((c) => [c.name, c.data_type, c.udt_name])).toEqual([
      ['id', 'integer', 'int4'],
      ['status', 'USER-DEFINED', 'order_status'],
      ['legacy', 'text', 'text'],
    ]);
    // No CHECK for the typed enum; the CHECK-based one keeps its check.
    const checks = (await client.query("SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'c' ORDER BY conname")).rows.map((r) => r.conname);
    expect(checks).toEqual(['orders_legacy_enum']);
    const snapshot = await adapter.introspect('orders');
    expect(snapshot?.fields.find((f) => f.name === 'status')).toEqual({ name: 'status', type: 'enum', enumValues: ['new', 'paid'], enumType: 'order_status', required: true, default: 'new' });
    expect(snapshot?.fields.find((f) => f.name === 'legacy')).toEqual({ name: 'legacy', type: 'enum', enumValues: ['a', 'b'] });

    // Another field naming the type with other values is refused (nothing changed, the migration rolled back).
    const clash = migration('clash')
      .at(at())
      .createCollection('clash', { id: { type: 'integer', primaryKey: true }, s: { type: 'enum', enumValues: ['x'], enumType: 'order_status' } })
      .build();
    await expect(engine.up(clash)).rejects.toThrow(/exists with other values/);
    expect((await client.query("SELECT to_regclass('clash') AS t")).rows[0]?.t).toBeNull();

    // Dropping one user keeps the type; dropping the last drops it; the downs bring both back.
    const dropRefunds = migration('drop_refunds').at(at()).dropCollection('refunds').build();
    const dropOrders = migration('drop_orders').at(at()).dropCollection('orders').build();
    await engine.up(dropRefunds);
    expect(await enums()).toEqual([{ name: 'order_status', values: ['new', 'paid'] }]);
    await engine.up(dropOrders);
    expect(await enums()).toEqual([]);
    await engine.down(dropOrders);
    await engine.down(dropRefunds);
    expect(await enums()).toEqual([{ name: 'order_status', values: ['new', 'paid'] }]);
    expect(await columns('orders')).toEqual(cols);
    // The down of a createCollection (derived without a definition) drops the type it made too.
    await engine.down(second);
    await engine.down(create);
    expect(await enums()).toEqual([]);
    await engine.up(create);
    expect(await columns('orders')).toEqual(cols);
  });

  it('added values are ALTER TYPE … ADD VALUE committed before the steps that use them; the down rebuilds the type without them', async () => {
    const add = migration('add_shipped')
      .at(at())
      .modifyField('orders', 'status', { enumValues: ['new', 'paid', 'shipped'] })
      // Uses the new value in the same migration: a default of a new column and of the changed one.
      .addField('orders', 'next_status', { type: 'enum', enumValues: ['new', 'paid', 'shipped'], enumType: 'order_status', default: 'shipped' })
      .build();
    const plan = await engine.preview(add);
    const texts = plan.steps.map((s) => (s.kind === 'statement' ? s.text : s.kind));
    expect(texts[0]).toBe(`ALTER TYPE "public"."order_status" ADD VALUE IF NOT EXISTS 'shipped' AFTER 'paid'`);
    expect(plan.steps[0]?.outsideTransaction).toBe(true);
    await engine.up(add);
    expect(await enums()).toEqual([{ name: 'order_status', values: ['new', 'paid', 'shipped'] }]);
    await client.query("INSERT INTO orders (id, status) VALUES (1, 'paid')");
    expect((await client.query('SELECT next_status::text AS s FROM orders')).rows).toEqual([{ s: 'shipped' }]);
    expect((await adapter.introspect('orders'))?.fields.find((f) => f.name === 'status')?.enumValues).toEqual(['new', 'paid', 'shipped']);

    const before = await columns('orders');
    await engine.down(add);
    // Rebuilt without 'shipped': the column keeps its rows and its default; the type keeps its name.
    expect(await enums()).toEqual([{ name: 'order_status', values: ['new', 'paid'] }]);
    expect(await columns('orders')).toEqual(before.filter((c) => c.name !== 'next_status'));
    expect((await client.query('SELECT status::text AS s FROM orders')).rows).toEqual([{ s: 'paid' }]);

    // A row holding a value the change removes makes the rebuild fail, and nothing changes.
    await client.query("UPDATE orders SET status = 'new'");
    const shrink = migration('shrink')
      .at(at())
      .modifyField('orders', 'status', { enumValues: ['paid'] })
      .build();
    await expect(engine.up(shrink)).rejects.toThrow(/invalid input value for enum/);
    expect(await enums()).toEqual([{ name: 'order_status', values: ['new', 'paid'] }]);
    await client.query('DELETE FROM orders');
  });

  it('moves a CHECK enum to a named type and back', async () => {
    const move = migration('legacy_type').at(at()).modifyField('orders', 'legacy', { enumType: 'legacy_kind' }).build();
    const before = await columns('orders');
    await engine.up(move);
    expect(await enums()).toEqual([
      { name: 'legacy_kind', values: ['a', 'b'] },
      { name: 'order_status', values: ['new', 'paid'] },
    ]);
    expect((await columns('orders')).find((c) => c.name === 'legacy')?.udt_name).toBe('legacy_kind');
    await engine.down(move);
    expect(await enums()).toEqual([{ name: 'order_status', values: ['new', 'paid'] }]);
    expect(await columns('orders')).toEqual(before);
    expect((await client.query("SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'orders_legacy_enum'")).rows[0]?.n).toBe(1);
  });

  it('citext is refused before any IO while pg_extension lacks it, and works once a raw step creates it', async () => {
    const users = migration('users_citext')
      .at(at())
      .createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'citext', unique: true }, aliases: { type: 'array', itemType: 'citext' } })
      .build();
    const error = await engine.up(users).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.code)).toEqual(['missing_extension']);
    expect(String((error as Error).message)).toContain('CREATE EXTENSION citext');
    expect((await client.query("SELECT to_regclass('users') AS t")).rows[0]?.t).toBeNull();
    expect(await historyRows('users_citext')).toBe(0);

    const extension = migration('citext_extension').at(at()).raw('postgresql', 'CREATE EXTENSION IF NOT EXISTS citext', { down: 'DROP EXTENSION citext' }).build();
    await engine.up(extension);
    await engine.up(users);
    const cols = await columns('users');
    expect(cols.map((c) => [c.name, c.data_type, c.udt_name])).toEqual([
      ['id', 'integer', 'int4'],
      ['email', 'USER-DEFINED', 'citext'],
      ['aliases', 'ARRAY', '_citext'],
    ]);
    await client.query("INSERT INTO users (id, email) VALUES (1, 'Ann@Example.com')");
    expect((await client.query("SELECT id FROM users WHERE email = 'ann@example.COM'")).rows).toEqual([{ id: 1 }]);
    expect((await adapter.introspect('users'))?.fields).toEqual([
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'email', type: 'citext', unique: true },
      { name: 'aliases', type: 'array', itemType: 'citext' },
    ]);
    await engine.down(users);
    await engine.down(extension);
    expect((await client.query("SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'citext'")).rows[0]?.n).toBe(0);
  });

  it('inet, cidr, macaddr, tsvector, arrays and a generated column round-trip: introspect, drop, down give the same catalog', async () => {
    const hosts = migration('hosts')
      .at(at())
      .createCollection('hosts', {
        id: { type: 'integer', primaryKey: true },
        ip: { type: 'inet', default: '10.0.0.1' },
        net: 'cidr',
        mac: { type: 'macaddr', required: true },
        title: 'text',
        search: { type: 'tsvector', generatedAs: "to_tsvector('simple', coalesce(title, ''))" },
        ips: { type: 'array', itemType: 'inet' },
        states: { type: 'array', itemType: 'enum', enumValues: ['up', 'down'], enumType: 'host_state' },
      })
      .build();
    await engine.up(hosts);
    const cols = await columns('hosts');
    expect(cols.map((c) => [c.name, c.type, c.generated])).toEqual([
      ['id', 'integer', ''],
      ['ip', 'inet', ''],
      ['net', 'cidr', ''],
      ['mac', 'macaddr', ''],
      ['title', 'text', ''],
      ['search', 'tsvector', 's'],
      ['ips', 'inet[]', ''],
      ['states', 'host_state[]', ''],
    ]);
    await client.query("INSERT INTO hosts (id, mac, title, states) VALUES (1, '08:00:2b:01:02:03', 'Edge Router', '{up}')");
    expect((await client.query("SELECT search::text AS s FROM hosts WHERE search @@ to_tsquery('simple', 'router')")).rows).toEqual([{ s: "'edge':1 'router':2" }]);
    const fields = (await adapter.introspect('hosts'))?.fields;
    expect(fields).toEqual([
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'ip', type: 'inet', default: '10.0.0.1' },
      { name: 'net', type: 'cidr' },
      { name: 'mac', type: 'macaddr', required: true },
      { name: 'title', type: 'text' },
      { name: 'search', type: 'tsvector', generatedAs: "to_tsvector('simple'::regconfig, COALESCE(title, ''::text))" },
      { name: 'ips', type: 'array', itemType: 'inet' },
      { name: 'states', type: 'array', itemType: 'enum', enumValues: ['up', 'down'], enumType: 'host_state' },
    ]);
    // Dropping each column and the table, then the downs: the catalog is the same each time.
    for (const name of ['search', 'states', 'ips', 'net']) {
      const drop = migration(`drop_hosts_${name}`).at(at()).dropField('hosts', name).build();
      await engine.up(drop);
      expect((await columns('hosts')).some((c) => c.name === name)).toBe(false);
      await engine.down(drop);
    }
    const order = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.name).localeCompare(String(b.name)));
    expect(order(await columns('hosts'))).toEqual(order(cols));
    const dropTable = migration('drop_hosts').at(at()).dropCollection('hosts').build();
    await engine.up(dropTable);
    expect((await enums()).some((e) => e.name === 'host_state')).toBe(false);
    await engine.down(dropTable);
    expect(order(await columns('hosts'))).toEqual(order(cols));
    // Dropping the generation keeps the values (DROP EXPRESSION); its down cannot add it back on PostgreSQL 15.
    const plain = migration('plain_search').at(at()).modifyField('hosts', 'search', { generatedAs: null }).build();
    await engine.up(plain);
    expect((await columns('hosts')).find((c) => c.name === 'search')?.generated).toBe('');
    await expect(engine.down(plain)).rejects.toThrow(UnsupportedOperationError);
  });

  it('a native type declared for another database is refused before any IO, naming both; one for postgresql runs', async () => {
    const cql = migration('cql_set')
      .at(at())
      .createCollection('tagged', { id: { type: 'integer', primaryKey: true }, tags: { type: 'native', native: 'set<text>', dialect: 'cassandra' } })
      .build();
    const error = await engine.up(cql).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(String((error as Error).message)).toMatch(/"set<text>" declared for cassandra.*runs postgresql/);
    expect((await client.query("SELECT to_regclass('tagged') AS t")).rows[0]?.t).toBeNull();
    expect(await historyRows('cql_set')).toBe(0);
    const counter = migration('cql_counter')
      .at(at())
      .createCollection('tagged', { id: { type: 'integer', primaryKey: true }, hits: { type: 'native', native: 'counter', dialect: 'cassandra' } })
      .build();
    await expect(engine.up(counter)).rejects.toThrow(UnsupportedOperationError);
    const ours = migration('pg_native')
      .at(at())
      .createCollection('tagged', { id: { type: 'integer', primaryKey: true }, span: { type: 'native', native: 'int4range', dialect: 'postgresql' } })
      .build();
    await engine.up(ours);
    expect((await columns('tagged')).map((c) => c.type)).toEqual(['integer', 'int4range']);
  });
});
