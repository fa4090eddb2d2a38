import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MigrationEngine, type ProgressEvent, migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

/** The history table as versions before warnings were kept made it. */
const OLD_HISTORY = `CREATE TABLE public._ductape_migrations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE, tag text NOT NULL, checksum text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'applied', 'failed')), direction text NOT NULL CHECK (direction IN ('up', 'down')),
  applied_at timestamptz, started_at timestamptz NOT NULL, execution_ms integer NOT NULL, steps_applied integer NOT NULL,
  steps_total integer NOT NULL, error text, applied_by text NOT NULL, migration json NOT NULL)`;

// Issue 24, "Server warnings": a notice or warning PostgreSQL raises on a step is shown in the
// run's progress (step:warning) and recorded with the step in the history row.
describe.skipIf(!server)('postgres (pg server): server notices and warnings are recorded with the step (issue 24)', () => {
  let db: TempDatabase;
  let client: pg.Client;
  let adapter: PostgresAdapter;

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'notices');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // A history table of an older version, with one row: it must still load, and get the column.
    await client.query(OLD_HISTORY);
    const old = migration('old_one').raw('postgresql', 'SELECT 1', { down: 'SELECT 1' }).build();
    await client.query(
      `INSERT INTO _ductape_migrations (name, tag, checksum, status, direction, applied_at, started_at, execution_ms, steps_applied, steps_total, error, applied_by, migration)
       VALUES ($1, $2, 'x', 'applied', 'up', now(), now(), 1, 1, 1, NULL, 'old', $3)`,
      [old.name, old.tag, JSON.stringify(old)],
    );
    adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
  });
  afterAll(async () => {
    await adapter?.close();
    await client?.end();
    await db?.drop();
  });

  it('a WARNING from a raw statement and a NOTICE from a DDL: in the progress events and in the history row read back', async () => {
    const events: ProgressEvent[] = [];
    const engine = new MigrationEngine(adapter, { onProgress: (e) => events.push(e) });
    const m = migration('noisy')
      .createCollection('quiet', { id: 'integer' })
      .raw('postgresql', "DO $$ BEGIN RAISE WARNING 'careful: %', 42; END $$", { down: 'SELECT 1' })
      .raw('postgresql', 'CREATE TABLE IF NOT EXISTS quiet (id integer)', { down: 'SELECT 1' })
      .build();
    await engine.up(m);
    const expected = [
      { step: 1, summary: expect.any(String), message: 'WARNING 01000: careful: 42' },
      { step: 2, summary: expect.any(String), message: 'NOTICE 42P07: relation "quiet" already exists, skipping' },
    ];
    expect(events.filter((e) => e.type === 'step:warning').map((e) => e.type === 'step:warning' && { step: e.index, summary: e.summary, message: e.message })).toEqual(expected);
    // Read back through a new adapter: the row as stored.
    const fresh = new PostgresAdapter({ url: db.url });
    await fresh.connect();
    try {
      const rows = await new MigrationEngine(fresh).getHistory();
      expect(rows.find((r) => r.name === 'noisy')?.warnings).toEqual(expected);
      expect((await new MigrationEngine(fresh).getHistoryRows()).find((r) => r.name === 'noisy')?.warnings).toEqual(expected);
      // The row written before warnings were kept loads as it was, without any.
      const old = rows.find((r) => r.name === 'old_one');
      expect(old?.status).toBe('applied');
      expect(old?.warnings).toBeUndefined();
    } finally {
      await fresh.close();
    }
    const stored = await client.query("SELECT warnings FROM _ductape_migrations WHERE name = 'old_one'");
    expect(stored.rows).toEqual([{ warnings: null }]);
  });

  it('a step run outside a transaction (autocommit) has its notice recorded too', async () => {
    const engine = new MigrationEngine(adapter);
    await engine.up(migration('made_t').createCollection('t_idx', { id: 'integer', n: 'integer' }).build());
    const m = migration('concurrent_noise')
      .createIndex('t_idx', 'ix_t_n', [{ name: 'n' }])
      .raw('postgresql', "DO $$ BEGIN RAISE NOTICE 'after the index'; END $$", { down: 'SELECT 1' })
      .build();
    await engine.up(m);
    const row = (await engine.getHistory()).find((r) => r.name === 'concurrent_noise');
    expect(row?.warnings?.map((w) => w.message)).toEqual(['NOTICE 00000: after the index']);
    expect(row?.warnings?.[0]?.step).toBe(row ? row.stepsTotal - 1 : -1);
  });
});
