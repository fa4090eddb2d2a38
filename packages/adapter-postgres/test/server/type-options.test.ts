import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MigrationEngine, UnsupportedOperationError, migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

const COLUMNS = `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
  WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`;

// Issue 24 on PostgreSQL: withTimeZone and precision 0–6 compile and read back; text/blob sizes
// are text/bytea; unsigned integers and index prefixes are refused before any IO.
describe.skipIf(!server)('postgres (pg server): type options (issue 24)', () => {
  let db: TempDatabase;
  let client: pg.Client;
  let adapter: PostgresAdapter;
  let engine: MigrationEngine;
  const columns = async (table: string) => (await client.query(COLUMNS, [table])).rows;

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'typeopts');
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

  it('withTimeZone, precision 0–6 and sizes: the columns knex/Sequelize make, read back exactly, restored by down', async () => {
    const create = migration('events')
      .createCollection('events', {
        id: { type: 'integer', primaryKey: true },
        plain: 'datetime',
        zoned: { type: 'datetime', withTimeZone: true, precision: 0 },
        ts: 'timestamp',
        local: { type: 'timestamp', withTimeZone: false, precision: 6 },
        t0: { type: 'time', precision: 0 },
        body: { type: 'text', size: 'medium' },
        file: { type: 'blob', size: 'long' },
      })
      .build();
    await engine.up(create);
    const before = await columns('events');
    expect(before).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'plain', type: 'timestamp without time zone' },
      { name: 'zoned', type: 'timestamp(0) with time zone' },
      { name: 'ts', type: 'timestamp with time zone' },
      { name: 'local', type: 'timestamp(6) without time zone' },
      { name: 't0', type: 'time(0) without time zone' },
      { name: 'body', type: 'text' },
      { name: 'file', type: 'bytea' },
    ]);
    await client.query("INSERT INTO events (id, zoned, t0, body) VALUES (1, '2024-01-02 03:04:05.678+00', '01:02:03.4', $1)", ['x'.repeat(70 * 1024)]);
    const { rows } = await client.query("SELECT to_char(zoned AT TIME ZONE 'UTC', 'HH24:MI:SS.US') AS zoned, t0::text AS t0, length(body) AS body FROM events");
    expect(rows).toEqual([{ zoned: '03:04:06.000000', t0: '01:02:03', body: 70 * 1024 }]);
    // A size has no PostgreSQL meaning: it does not read back (drift compares only what both sides say).
    expect((await adapter.introspect('events'))?.fields.slice(1)).toEqual([
      { name: 'plain', type: 'datetime' },
      { name: 'zoned', type: 'timestamp', precision: 0 },
      { name: 'ts', type: 'timestamp' },
      { name: 'local', type: 'datetime', precision: 6 },
      { name: 't0', type: 'time', precision: 0 },
      { name: 'body', type: 'text' },
      { name: 'file', type: 'binary' },
    ]);
    const drop = migration('drop_events').dropCollection('events').build();
    await engine.up(drop);
    await engine.down(drop);
    expect(await columns('events')).toEqual(before);
  });

  it('unsigned and index prefixes are refused before any IO', async () => {
    const unsigned = migration('counters')
      .createCollection('counters', { id: { type: 'integer', primaryKey: true }, hits: { type: 'bigint', unsigned: true } })
      .build();
    const error = await engine.up(unsigned).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(String((error as Error).message)).toMatch(/unsigned/);
    expect(await adapter.introspect('counters')).toBeUndefined();
    expect((await engine.getHistory()).map((h) => h.name)).not.toContain('counters');

    const prefix = migration('slug_index')
      .createCollection('pages', { id: { type: 'integer', primaryKey: true }, slug: 'string' })
      .createIndex('pages', 'pages_slug', [{ name: 'slug', length: 191 }])
      .build();
    expect(await engine.up(prefix).catch((e: unknown) => e)).toBeInstanceOf(UnsupportedOperationError);
    expect(await adapter.introspect('pages')).toBeUndefined();
  });
});
