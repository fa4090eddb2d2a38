import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type UpdateRequest, resolveUpdate } from '@ductape/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_PROGRESS_TABLE, PostgresDataAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { type TempDatabase, createTempDatabase } from '../support/temp-database.js';

const server = postgresUrl();
const child = fileURLToPath(new URL('../support/update-rows-child.mjs', import.meta.url));

// Issue 19's acceptance on PostgreSQL: a kill -9 in the middle of a backfill, then a re-run,
// updates every row exactly once (an `$ADD` counter proves it: a row updated twice reads 2).
// Both batch paths: the PL/pgSQL batch function (the default) and the one-statement batch a
// table keeps when a column is named like the function's variables (`_dt_…`).
describe.skipIf(!server)('PostgreSQL db.update killed mid-run, then re-run', () => {
  let db: TempDatabase;
  let app: pg.Client;
  beforeAll(async () => {
    db = await createTempDatabase(server!, 'updkill');
    app = new pg.Client({ connectionString: db.url });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end().catch(() => undefined);
    await db?.drop();
  });
  const count = async (sql: string) => Number((await app.query(sql)).rows[0]?.n);

  for (const [label, extra] of [
    ['the batch function', ''],
    ['the one-statement batch (a column named _dt_…)', ', _dt_note text'],
  ] as const) {
    it(`${label}: every row updated exactly once`, async () => {
      const total = 30_000;
      const table = `backfill_${extra ? 'stmt' : 'fn'}`;
      await app.query(`CREATE TABLE ${table} (id integer PRIMARY KEY, n integer NOT NULL DEFAULT 0, label text${extra})`);
      await app.query(`INSERT INTO ${table} (id) SELECT g FROM generate_series(1, ${total}) g`);
      const request: UpdateRequest = { table, data: { n: { $ADD: ['n', 1] }, label: { $CONCAT: ['row ', 'id'] } } };
      const proc: ChildProcess = spawn(process.execPath, [child, db.url, JSON.stringify(request), '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let functionsMidRun = -1;
      const killedAt = await new Promise<number>((resolve, reject) => {
        let lines = 0;
        let checking = false;
        proc.stdout?.on('data', (chunk: Buffer) => {
          lines += chunk.toString().split('\n').filter(Boolean).length;
          if (lines >= 20 && !checking) {
            checking = true;
            // Which path runs: the child's batch function is in pg_proc (its session's pg_temp) while it runs.
            count("SELECT count(*)::int AS n FROM pg_proc WHERE proname LIKE 'ductape_update_batch%'").then((n) => {
              functionsMidRun = n;
              if (proc.exitCode !== null || proc.killed) return;
              proc.kill('SIGKILL');
              resolve(lines);
            }, reject);
          }
        });
        proc.on('exit', (code) => reject(new Error(`the child ended by itself (${code}) before it was killed`)));
      });
      await new Promise((r) => proc.once('exit', r));
      expect(proc.signalCode).toBe('SIGKILL');
      expect(functionsMidRun).toBe(extra ? 0 : 1);
      const committed = await count(`SELECT count(*)::int AS n FROM ${table} WHERE n = 1`);
      expect(committed).toBeGreaterThanOrEqual(killedAt * 200);
      expect(committed).toBeLessThan(total);
      const saved = (await app.query(`SELECT rows FROM ${DATA_PROGRESS_TABLE}`)).rows;
      expect(saved.map((r) => Number(r.rows))).toEqual([committed]); // the progress row committed with its batch, never apart
      const adapter = new PostgresDataAdapter({ url: db.url });
      await adapter.connect();
      try {
        const r = await adapter.updateRows(resolveUpdate(request, (await adapter.introspect(table))!), { batchSize: 200 });
        expect(r.rowsUpdated).toBe(total);
      } finally {
        await adapter.close();
      }
      const [check] = (
        await app.query(
          `SELECT count(*)::int AS rows, count(*) FILTER (WHERE n = 1)::int AS once, count(*) FILTER (WHERE n <> 1)::int AS other, count(*) FILTER (WHERE label IS NULL)::int AS unlabelled FROM ${table}`,
        )
      ).rows;
      expect(check).toEqual({ rows: total, once: total, other: 0, unlabelled: 0 });
      expect(await count(`SELECT count(*)::int AS n FROM ${DATA_PROGRESS_TABLE}`)).toBe(0);
      // No batch function left behind in any session (a killed session's pg_temp goes with it).
      expect(await count("SELECT count(*)::int AS n FROM pg_proc WHERE proname LIKE 'ductape_update_batch%'")).toBe(0);
    }, 120_000);
  }
});
