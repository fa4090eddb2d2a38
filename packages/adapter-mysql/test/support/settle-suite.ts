import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuctapeError, type Adapter, type LockOwner } from '@ductape/core';
import { lockName, type MysqlLogger } from '../../src/shared.js';
import { ensureBuilt } from '@ductape/services/ensure-built';
import type { TempDatabase } from './temp-database.js';

/** How the settle suite makes its adapters and its scratch database. */
export interface SettleTarget {
  readonly label: 'mysql' | 'mariadb';
  database(): Promise<TempDatabase>;
  adapter(url: string, logger: MysqlLogger | false, extra: { settleTimeoutMs?: number }): Adapter;
}

const child = fileURLToPath(new URL('./sleep-step-child.mjs', import.meta.url));
const owner: LockOwner = { id: 'next-runner', description: 'next runner' };

/**
 * Issue 12, crash property: a killed runner's GET_LOCK is freed at once, but the statement its work
 * connection was running goes on; the next holder must not read history before it ends.
 */
export function settleSuite(target: SettleTarget): void {
  describe(`${target.label}: after taking the lock, work a dead runner left running is waited for`, () => {
    let db: TempDatabase;
    let proc: ChildProcess | undefined;
    const open: Adapter[] = [];
    async function adapter(settleTimeoutMs?: number): Promise<Adapter> {
      const a = target.adapter(db.url, false, settleTimeoutMs === undefined ? {} : { settleTimeoutMs });
      await a.connect();
      open.push(a);
      return a;
    }
    /** Connections running `/* ductape work *\/ SELECT SLEEP(<seconds>)…` now. */
    async function sleepers(seconds: number): Promise<number[]> {
      for (let i = 0; i < 50; i++) {
        const rows = await db.query("SELECT `ID` AS id FROM information_schema.PROCESSLIST WHERE `DB` = ? AND `COMMAND` = 'Query' AND `INFO` LIKE ? ORDER BY `ID`", [
          db.name,
          `/* ductape work */ SELECT SLEEP(${seconds})%`,
        ]);
        if (rows.length > 0 || i === 49) return rows.map((r) => Number(r.id));
        await sleep(50);
      }
      return [];
    }
    async function gone(seconds: number): Promise<boolean> {
      const rows = await db.query("SELECT `ID` FROM information_schema.PROCESSLIST WHERE `DB` = ? AND `COMMAND` = 'Query' AND `INFO` LIKE ?", [
        db.name,
        `/* ductape work */ SELECT SLEEP(${seconds})%`,
      ]);
      return rows.length === 0;
    }

    beforeAll(async () => {
      ensureBuilt(fileURLToPath(new URL('../..', import.meta.url)));
      if (target.label === 'mariadb') ensureBuilt(fileURLToPath(new URL('../../../adapter-mariadb', import.meta.url)));
      db = await target.database();
    });
    afterAll(async () => {
      proc?.kill('SIGKILL');
      for (const a of open) await a.close().catch(() => undefined);
      await db?.drop();
    });

    it('acquire returns only once the killed holder’s in-flight step statement has ended on the server', async () => {
      proc = spawn(process.execPath, [child, db.url, target.label, '3'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await once(createInterface({ input: proc.stdout! }), 'line'); // it holds the lock and started its step
      const ids = await sleepers(3);
      expect(ids).toHaveLength(1);
      const next = await adapter();
      proc.kill('SIGKILL');
      await once(proc, 'exit');
      expect(await sleepers(3)).toEqual(ids); // the lock connection died with the process; the statement did not
      const started = Date.now();
      let result = await next.lock.tryAcquire(owner, 30_000);
      while (!result.acquired && Date.now() - started < 20_000) {
        await sleep(50);
        result = await next.lock.tryAcquire(owner, 30_000);
      }
      expect(result.acquired).toBe(true);
      expect(await gone(3)).toBe(true);
      if (result.acquired) await next.lock.release(result.handle);
    });

    it('fails with DUCTAPE_LOCK_TIMEOUT naming the connection (no literals) and releases the lock when the work outlives the settle timeout', async () => {
      const byHand = await mysql.createConnection(db.url);
      const running = byHand.query("/* ductape work */ SELECT SLEEP(6), 'hunter2' AS secret").catch(() => undefined);
      try {
        const ids = await sleepers(6);
        expect(ids).toHaveLength(1);
        const a = await adapter(300);
        const error = await a.lock.tryAcquire(owner, 30_000).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DuctapeError);
        expect(error).toMatchObject({ code: 'DUCTAPE_LOCK_TIMEOUT' });
        const message = (error as Error).message;
        expect(message).toContain(`connection ${ids[0]}`);
        expect(message).toContain('SELECT SLEEP(6)');
        expect(message).toContain(`KILL QUERY ${ids[0]}`);
        expect(message).not.toContain('hunter2');
        for (let i = 0; i < 50 && (await db.query('SELECT IS_USED_LOCK(?) AS id', [lockName(db.name)]))[0]?.id !== null; i++) await sleep(20);
        expect((await db.query('SELECT IS_USED_LOCK(?) AS id', [lockName(db.name)]))[0]?.id).toBeNull(); // released again
        expect(await sleepers(6)).toEqual(ids); // and the statement was left alone
        await db.query(`KILL QUERY ${Number(ids[0])}`);
      } finally {
        await running;
        await byHand.end().catch(() => undefined);
      }
    });

    it('work of our own adapter is never waited for', async () => {
      const a = await adapter(300);
      let started = (): void => undefined;
      const gate = new Promise<void>((r) => (started = r));
      const work = a.withSession('autocommit', async (session) => {
        const statement = a.execute({ kind: 'statement', text: 'SELECT SLEEP(2)', summary: 'sleep' }, session);
        started();
        await statement;
      });
      await gate;
      const ids = await sleepers(2);
      expect(ids).toHaveLength(1);
      const result = await a.lock.tryAcquire(owner, 30_000);
      expect(result.acquired).toBe(true);
      expect(await sleepers(2)).toEqual(ids); // acquired while our own statement still ran
      if (result.acquired) await a.lock.release(result.handle);
      await work;
    });
  });
}
