import { resolveUpdate, type UpdateRequest } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_PROGRESS_TABLE, PostgresDataAdapter } from '../../src/index.js';

// Data migrations (db.update) on embedded PGlite: the same SQL runs on a server.
describe('PostgreSQL data migrations (keyset batches)', () => {
  const adapter = new PostgresDataAdapter({ pglite: { dataDir: 'memory://' } });
  const update = async (request: UpdateRequest, batchSize: number) => {
    const table = await adapter.introspect(request.table);
    return adapter.updateRows(resolveUpdate(request, table!), { batchSize });
  };

  beforeAll(async () => {
    await adapter.connect();
    await adapter.query(`CREATE TABLE users (id integer PRIMARY KEY, first_name text, last_name text, full_name text, score integer NOT NULL DEFAULT 0)`);
    await adapter.query(`INSERT INTO users (id, first_name, last_name) SELECT g, 'First' || g, 'Last' || g FROM generate_series(1, 1000) g`);
    await adapter.query(`UPDATE users SET first_name = 'Ada', last_name = 'Lovelace' WHERE id = 1`);
  });
  afterAll(() => adapter.close());

  it('runs the spec example: column names inside operators, other strings as text', async () => {
    const progress: number[] = [];
    const table = await adapter.introspect('users');
    const r = await adapter.updateRows(resolveUpdate({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, table!), {
      batchSize: 300,
      maxLockMs: 60_000, // the batch count is pinned: no shrinking on a loaded machine
      onProgress: (p) => progress.push(p.rowsUpdated),
    });
    expect(r).toMatchObject({ rowsUpdated: 1000, batches: 4 });
    expect(progress).toEqual([300, 600, 900, 1000]);
    expect(await adapter.query('SELECT full_name FROM users WHERE id IN (1, 2) ORDER BY id')).toEqual([{ full_name: 'Ada Lovelace' }, { full_name: 'First2 Last2' }]);
    expect(await adapter.query(`SELECT count(*)::int AS n FROM ${DATA_PROGRESS_TABLE}`)).toEqual([{ n: 0 }]);
  });

  it('updates each row exactly once even when the rows still match afterwards', async () => {
    const r = await update({ table: 'users', data: { score: { $ADD: ['score', 1] } }, where: { score: { $gte: 0 } } }, 128);
    expect(r.rowsUpdated).toBe(1000);
    expect(await adapter.query('SELECT min(score) AS lo, max(score) AS hi FROM users')).toEqual([{ lo: 1, hi: 1 }]);
  });

  it('resumes after the last committed batch when a batch fails', async () => {
    // A trigger fails the batch that reaches row 700, as a crash or a bad row would.
    await adapter.query(
      `CREATE FUNCTION stop_at_700() RETURNS trigger AS $$ BEGIN IF NEW.id = 700 AND NEW.score = 2 THEN RAISE EXCEPTION 'stopped at 700'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await adapter.query(`CREATE TRIGGER stop BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION stop_at_700()`);
    const request: UpdateRequest = { table: 'users', data: { score: { $ADD: ['score', 1] } }, where: { score: { $gte: 0 } } };
    await expect(update(request, 100)).rejects.toThrow(/stopped at 700/);
    expect(await adapter.query('SELECT count(*)::int AS n FROM users WHERE score = 2')).toEqual([{ n: 600 }]);
    await adapter.query('DROP TRIGGER stop ON users');
    // A dry run counts what the resumed run will update (after the saved position), and creates nothing.
    const resolved = resolveUpdate(request, (await adapter.introspect('users'))!);
    const dry = await adapter.updateRows(resolved, { batchSize: 100, dryRun: true });
    expect(dry.dryRun?.rowsToUpdate).toBe(400);
    // What runs: the batch function (created once per run), then one call per batch.
    expect(dry.dryRun?.statements[0]?.text).toMatch(/^CREATE OR REPLACE FUNCTION pg_temp\."ductape_update_batch_[0-9a-f]{16}"/);
    expect(dry.dryRun?.statements[1]?.description).toMatch(/^resumes an interrupted run: /);
    // The saved key (as text: exact for every type), the batch size, the rows before, the progress row's id, the $ADD literal and the where's value
    expect(dry.dryRun?.statements[1]?.params).toEqual([['600'], 100, 600, expect.any(String), 1, 0]);
    expect(await adapter.query("SELECT count(*)::int AS n FROM pg_proc WHERE proname LIKE 'ductape_update_batch%'")).toEqual([{ n: 0 }]); // a dry run creates nothing
    const events: { rowsDone: number; total: number | undefined }[] = [];
    const r = await adapter.updateRows(resolved, { batchSize: 100, maxLockMs: 60_000, onProgress: (p) => events.push({ rowsDone: p.rowsDone, total: p.total }) });
    expect(r.rowsUpdated).toBe(1000); // 600 before the failure + 400 now
    expect(events[0]).toEqual({ rowsDone: 700, total: 1000 }); // the total counts the earlier run's rows too
    expect(events.at(-1)).toEqual({ rowsDone: 1000, total: 1000 });
    expect(await adapter.query('SELECT min(score) AS lo, max(score) AS hi FROM users')).toEqual([{ lo: 2, hi: 2 }]);
  });

  it('keeps values as parameters: quotes and SQL in data are text', async () => {
    const evil = `x'); DROP TABLE users; --`;
    await update({ table: 'users', data: { last_name: evil }, where: { id: { $in: [5, 6] } } }, 10);
    expect(await adapter.query('SELECT last_name FROM users WHERE id IN (5, 6)')).toEqual([{ last_name: evil }, { last_name: evil }]);
    await update({ table: 'users', data: { full_name: { $UPPER: { $COALESCE: ['nickname?', 'last_name'] } } }, where: { id: 5 } }, 10);
    expect(await adapter.query('SELECT full_name FROM users WHERE id = 5')).toEqual([{ full_name: 'NICKNAME?' }]);
  });
});
