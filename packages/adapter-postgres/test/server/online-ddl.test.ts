import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationEngine, MigrationFailedError, migration } from '@ductape/core';
import pg from 'pg';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { type TempDatabase, createTempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

describe.skipIf(!server)('online-safe DDL on a real server', () => {
  let db: TempDatabase;
  let adapter: PostgresAdapter;
  let other: pg.Client;
  const sql = (text: string) => adapter.driver.query(text);

  beforeAll(async () => {
    db = await createTempDatabase(server!, 'online');
    adapter = new PostgresAdapter({ url: db.url, lockTimeoutMs: 200, lockRetries: 3 });
    await adapter.connect();
    other = new pg.Client({ connectionString: db.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end().catch(() => undefined);
    await adapter?.close();
    await db?.drop();
  });

  it('an INVALID index left by a failed CONCURRENTLY build is dropped before the retry', async () => {
    await sql("CREATE TABLE dup (email text); INSERT INTO dup VALUES ('a'), ('a')");
    const engine = new MigrationEngine(adapter);
    const m = migration('unique_email').createIndex('dup', 'dup_email', ['email'], { unique: true }).build();
    expect(engine.plan(m).steps[0]).toMatchObject({ outsideTransaction: true });
    await expect(engine.up(m)).rejects.toBeInstanceOf(MigrationFailedError);
    const invalid = await sql("SELECT ix.indisvalid AS valid FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid WHERE c.relname = 'dup_email'");
    expect(invalid.rows).toEqual([{ valid: false }]);
    // Introspection (what core's reconcile asks) does not count an INVALID index as existing.
    expect((await adapter.introspect('dup'))?.indexes).toEqual([]);
    expect((await engine.getHistory())[0]).toMatchObject({ name: 'unique_email', status: 'failed', stepsApplied: 0 });
    await sql('DELETE FROM dup WHERE ctid = (SELECT max(ctid) FROM dup)');
    await engine.up(m);
    const valid = await sql("SELECT ix.indisvalid AS valid FROM pg_index ix JOIN pg_class c ON c.oid = ix.indexrelid WHERE c.relname = 'dup_email'");
    expect(valid.rows).toEqual([{ valid: true }]);
    expect(((await adapter.introspect('dup'))?.indexes ?? []).map((i) => i.name)).toEqual(['dup_email']);
  });

  it('a foreign key is added NOT VALID and validated in its own step (recorded when validation fails)', async () => {
    await sql('CREATE TABLE parent (id integer PRIMARY KEY); CREATE TABLE child (id integer, parent_id integer); INSERT INTO child VALUES (1, 42)');
    const engine = new MigrationEngine(adapter);
    const m = migration('child_fk')
      .addConstraint('child', { name: 'child_parent_fk', type: 'foreignKey', columns: ['parent_id'], references: { table: 'parent', columns: ['id'] } })
      .build();
    await expect(engine.up(m)).rejects.toMatchObject({ stepsApplied: 1, stepsTotal: 2 });
    const con = await sql("SELECT convalidated FROM pg_constraint WHERE conname = 'child_parent_fk'");
    expect(con.rows).toEqual([{ convalidated: false }]); // in place, enforced for new rows, not yet validated
    await sql('INSERT INTO parent VALUES (42)');
    const resumed = await engine.up(m);
    expect(resumed.outcome).toBe('resumed');
    expect((await sql("SELECT convalidated FROM pg_constraint WHERE conname = 'child_parent_fk'")).rows).toEqual([{ convalidated: true }]);
  });

  it('NOT NULL on an existing column goes through a validated check that is dropped afterwards', async () => {
    await sql("CREATE TABLE people (name text); INSERT INTO people VALUES ('x')");
    const engine = new MigrationEngine(adapter);
    const m = migration('name_required')
      .modifyField('people', 'name', { required: true }, { previous: { name: 'name', type: 'text' } })
      .build();
    const r = await engine.up(m);
    expect(r.stepsTotal).toBe(4);
    const s = await adapter.introspect('people');
    expect(s?.fields[0]).toEqual({ name: 'name', type: 'text', required: true });
    expect(s?.constraints).toEqual([]);
  });

  it('lock_timeout: a DDL behind a long transaction gives up quickly and is retried with backoff', async () => {
    await sql('CREATE TABLE busy (id integer)');
    const engine = new MigrationEngine(adapter);
    await other.query('BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE');
    const released = new Promise<void>((resolve) => setTimeout(() => void other.query('COMMIT').then(() => resolve()), 250));
    const ok = await engine.up(migration('busy_add').addField('busy', 'x', 'integer').build());
    await released;
    expect(ok.outcome).toBe('applied');

    await other.query('BEGIN; LOCK TABLE busy IN ACCESS SHARE MODE');
    const error = await engine.up(migration('busy_add_2').addField('busy', 'y', 'integer').build()).catch((e: unknown) => e);
    await other.query('COMMIT');
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect(String((error as Error).message)).toMatch(/lock timeout/);
    expect(((error as Error).cause as { code?: string }).code).toBe('55P03');
  });
});
