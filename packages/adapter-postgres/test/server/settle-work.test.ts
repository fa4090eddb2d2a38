import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuctapeError, type LockOwner } from '@ductape/core';
import pg from 'pg';
import { PostgresAdapter } from '../../src/index.js';
import { workApplicationName } from '../../src/settle/work-marker.js';
import { ensureBuilt } from '@ductape/services/ensure-built';
import { postgresUrl } from '../support/postgres-url.js';
import { type TempDatabase, createTempDatabase } from '../support/temp-database.js';

const server = postgresUrl();
const child = join(dirname(fileURLToPath(import.meta.url)), '..', 'support', 'hold-lock-child.mjs');
const owner: LockOwner = { id: 'next-runner', description: 'next runner' };

/** Backends running `SELECT pg_sleep(<seconds>)…` now (as the server sees them; a step's text follows the BEGIN it travels with). */
async function sleepers(db: pg.Client, seconds: number): Promise<number[]> {
  const r = await db.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE $1", [`%SELECT pg_sleep(${seconds})%`]);
  return r.rows.map((row: { pid: number }) => row.pid);
}

// Issue 12, crash property: the lock of a killed runner is free at once, but its work connection
// may still be executing a statement; the next holder must not read history before it ends.
describe.skipIf(!server)('after taking the lock, work a dead runner left running is waited for', () => {
  let db: TempDatabase;
  let observer: pg.Client;
  let proc: ChildProcess | undefined;
  const adapters: PostgresAdapter[] = [];
  async function adapter(settleTimeoutMs?: number, schema?: string): Promise<PostgresAdapter> {
    const a = new PostgresAdapter({ url: db.url, ...(settleTimeoutMs === undefined ? {} : { settleTimeoutMs }), ...(schema === undefined ? {} : { schema }) });
    adapters.push(a);
    await a.connect();
    return a;
  }

  beforeAll(async () => {
    ensureBuilt(fileURLToPath(new URL('../..', import.meta.url)));
    db = await createTempDatabase(server!, 'settle');
    observer = new pg.Client({ connectionString: db.url });
    await observer.connect();
  });
  afterAll(async () => {
    proc?.kill('SIGKILL');
    for (const a of adapters) await a.close().catch(() => undefined);
    await observer?.end().catch(() => undefined);
    await db?.drop();
  });

  it('acquire returns only once the killed holder’s in-flight step statement has ended on the server', async () => {
    proc = spawn(process.execPath, [child, db.url, 'sleeps_3s', '3'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: proc.stdout! });
    await once(lines, 'line'); // the child holds the lock and has started its step
    let pids: number[] = [];
    for (let i = 0; i < 50 && pids.length === 0; i++) {
      pids = await sleepers(observer, 3);
      if (pids.length === 0) await sleep(50);
    }
    expect(pids).toHaveLength(1);
    const marked = await observer.query('SELECT application_name FROM pg_stat_activity WHERE pid = $1', [pids[0]]);
    expect(marked.rows[0]?.application_name).toBe(workApplicationName('public'));

    const next = await adapter();
    proc.kill('SIGKILL');
    await once(proc, 'exit');
    // The lock connection died with the process; the statement did not.
    expect(await sleepers(observer, 3)).toEqual(pids);
    const started = Date.now();
    let result = await next.lock.tryAcquire(owner, 30_000);
    while (!result.acquired && Date.now() - started < 20_000) {
      await sleep(50);
      result = await next.lock.tryAcquire(owner, 30_000);
    }
    expect(result.acquired).toBe(true);
    expect(await sleepers(observer, 3)).toEqual([]);
    const history = await next.history.list();
    expect(history).toEqual([]); // the killed run never recorded anything (one transaction, never committed)
    if (result.acquired) await next.lock.release(result.handle);
  });

  it('fails with DUCTAPE_LOCK_TIMEOUT naming the backend (no literals) and releases the lock when the work outlives the settle timeout', async () => {
    const byHand = new pg.Client({ connectionString: db.url, application_name: 'ductape work' });
    await byHand.connect();
    byHand.on('error', () => undefined);
    const running = byHand.query("SELECT pg_sleep(6), 'hunter2' AS secret").catch(() => undefined);
    try {
      let pids: number[] = [];
      for (let i = 0; i < 50 && pids.length === 0; i++) {
        pids = await sleepers(observer, 6);
        if (pids.length === 0) await sleep(50);
      }
      expect(pids).toHaveLength(1);
      const a = await adapter(300);
      const error = await a.lock.tryAcquire(owner, 30_000).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DuctapeError);
      expect(error).toMatchObject({ code: 'DUCTAPE_LOCK_TIMEOUT' });
      const message = (error as Error).message;
      expect(message).toContain(`server pid ${pids[0]}`);
      expect(message).toContain('SELECT pg_sleep(6)');
      expect(message).toContain('pg_terminate_backend');
      expect(message).not.toContain('hunter2');
      expect(await a.lock.holder?.()).toBeUndefined(); // released again
      expect(await sleepers(observer, 6)).toEqual(pids); // and nothing of it was touched
    } finally {
      await observer.query('SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE $1', ['SELECT pg_sleep(6)%']);
      await running;
      await byHand.end().catch(() => undefined);
    }
  });

  it('work on another schema (another tenant of a fleet, another runner) is not waited for', async () => {
    const other = await adapter(undefined, 'tenant_b');
    const mine = await adapter(300, 'tenant_a');
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const work = other.withSession('autocommit', async (session) => {
      const statement = other.execute({ kind: 'statement', text: 'SELECT pg_sleep(4)', summary: 'sleep' }, session);
      release();
      await statement;
    });
    await gate;
    let pids: number[] = [];
    for (let i = 0; i < 50 && pids.length === 0; i++) {
      pids = await sleepers(observer, 4);
      if (pids.length === 0) await sleep(50);
    }
    expect(pids).toHaveLength(1);
    const marked = await observer.query('SELECT application_name FROM pg_stat_activity WHERE pid = $1', [pids[0]]);
    expect(marked.rows[0]?.application_name).toBe(workApplicationName('tenant_b'));
    const result = await mine.lock.tryAcquire(owner, 30_000); // a settle timeout of 300 ms: waiting would fail
    expect(result.acquired).toBe(true);
    expect(await sleepers(observer, 4)).toEqual(pids); // acquired while tenant_b's statement still ran
    if (result.acquired) await mine.lock.release(result.handle);
    await work;
  });

  it('work of our own adapter is never waited for', async () => {
    const a = await adapter(300);
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const work = a.withSession('autocommit', async (session) => {
      const statement = a.execute({ kind: 'statement', text: 'SELECT pg_sleep(2)', summary: 'sleep' }, session);
      release();
      await statement;
    });
    await gate;
    let pids: number[] = [];
    for (let i = 0; i < 50 && pids.length === 0; i++) {
      pids = await sleepers(observer, 2);
      if (pids.length === 0) await sleep(50);
    }
    expect(pids).toHaveLength(1);
    const result = await a.lock.tryAcquire(owner, 30_000);
    expect(result.acquired).toBe(true);
    expect(await sleepers(observer, 2)).toEqual(pids); // acquired while our own statement still ran
    if (result.acquired) await a.lock.release(result.handle);
    await work;
  });
});
