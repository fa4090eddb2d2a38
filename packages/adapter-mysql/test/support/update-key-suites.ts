import { type DataAdapter, type UpdateOptions, type UpdateRequest, resolveUpdate } from '@ductape/core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FamilyTarget } from './family-suites.js';
import { insertSeries } from './data-update-suites.js';
import { serverSession } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

/**
 * Real-server checks that db.update's batches carry their keys exactly (both MySQL-family
 * adapters): a batch resumes after the last key it reached, read back from the server, and
 * JavaScript has no exact form for some key values (a Date keeps milliseconds, a number rounds a
 * BIGINT above 2^53, a FLOAT's shortest text is not the FLOAT, a DECIMAL cast to 30 digits loses
 * the rest). Each table's rows are updated with `n = n + 1` and must all end at 1. A batch that
 * would repeat forever is stopped by `guard` (an onProgress that throws after too many batches).
 */
export function updateKeySuites(target: FamilyTarget): void {
  describe(`${target.label}: db.update carries batch keys exactly`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let adapter: DataAdapter;
    beforeAll(() => {
      db = session.db;
      adapter = session.adapter as DataAdapter;
    });
    const update = async (request: UpdateRequest, options: UpdateOptions) => adapter.updateRows(resolveUpdate(request, (await adapter.introspect(request.table))!), { maxLockMs: 60_000, ...options });
    const counts = async (table: string) => (await db.query(`SELECT n, COUNT(*) AS c FROM \`${table}\` GROUP BY n ORDER BY n`)).map((r) => `${r.n}:${r.c}`);
    const add = (table: string): UpdateRequest => ({ table, data: { n: { $ADD: ['n', 1] } } });
    /** An onProgress that stops a run after `max` batches (a walk that never ends). */
    const guard = (max: number) => {
      let batches = 0;
      return () => {
        if (++batches > max) throw new Error(`more than ${max} batches: the walk does not advance`);
      };
    };
    /** Runs `request` until its first batch committed (an onProgress that throws), then again to the end. */
    const interruptedThenResumed = async (request: UpdateRequest, batchSize: number) => {
      const stop = new Error('stop after the first batch');
      await expect(
        update(request, {
          batchSize,
          onProgress: () => {
            throw stop;
          },
        }),
      ).rejects.toBe(stop);
      return update(request, { batchSize, onProgress: guard(100) });
    };

    it('walks DATETIME(6), TIMESTAMP(6) and TIME(6) keys one microsecond apart within one millisecond', { timeout: 60_000 }, async () => {
      const keys: [string, string, (i: string) => string][] = [
        ['k_datetime6', 'DATETIME(6)', (i) => `TIMESTAMPADD(MICROSECOND, ${i}, '2026-12-07 10:00:00.000100')`],
        ['k_timestamp6', 'TIMESTAMP(6)', (i) => `TIMESTAMPADD(MICROSECOND, ${i}, '2026-12-07 10:00:00.000100')`],
        ['k_time6', 'TIME(6)', (i) => `ADDTIME(CAST('10:00:00.000100' AS TIME(6)), CAST(CONCAT('00:00:00.', LPAD(${i}, 6, '0')) AS TIME(6)))`],
      ];
      for (const [table, type, value] of keys) {
        await db.query(`CREATE TABLE ${table} (k ${type} NOT NULL PRIMARY KEY, n INT NOT NULL DEFAULT 0)`);
        await db.query(insertSeries(table, 'k', value, 40));
        expect(await db.query(`SELECT COUNT(DISTINCT k) AS c FROM ${table}`), table).toEqual([{ c: 40 }]);
        const r = await update(add(table), { batchSize: 7, onProgress: guard(20) });
        expect(r.rowsUpdated, table).toBe(40);
        expect(await counts(table), table).toEqual(['1:40']);
        // Resumed after the first batch: the saved key is the microsecond key itself.
        await db.query(`UPDATE ${table} SET n = 0`);
        expect((await interruptedThenResumed(add(table), 7)).rowsUpdated, table).toBe(40);
        expect(await counts(table), table).toEqual(['1:40']);
      }
    });

    it('resumes a BIGINT above 2^53 and a BIGINT UNSIGNED above 2^63 at the exact key where it stopped', { timeout: 60_000 }, async () => {
      // Above 2^53 only even integers are doubles: the first batch of 5 ends on an odd key.
      const keys: [string, string, (i: string) => string][] = [
        ['k_big', 'BIGINT', (i) => `9007199254740992 + ${i}`],
        ['k_ubig', 'BIGINT UNSIGNED', (i) => `18446744073709551000 + ${i}`],
      ];
      for (const [table, type, value] of keys) {
        await db.query(`CREATE TABLE ${table} (k ${type} NOT NULL PRIMARY KEY, n INT NOT NULL DEFAULT 0)`);
        await db.query(insertSeries(table, 'k', value, 20));
        const r = await interruptedThenResumed(add(table), 5);
        expect(r.rowsUpdated, table).toBe(20);
        expect(await counts(table), table).toEqual(['1:20']);
      }
    });

    it('walks a DECIMAL key with more than 30 fractional digits (MariaDB allows 38)', { timeout: 60_000 }, async () => {
      const [version] = await db.query('SELECT VERSION() AS v');
      const scale = /mariadb/i.test(String(version?.v)) ? 38 : 30;
      await db.query(`CREATE TABLE k_dec (k DECIMAL(${scale + 2},${scale}) NOT NULL PRIMARY KEY, n INT NOT NULL DEFAULT 0)`);
      // 40 keys that differ only in the last fractional digit(s).
      await db.query(insertSeries('k_dec', 'k', (i) => `CAST(CONCAT('0.1', REPEAT('0', ${scale - 3}), LPAD(${i}, 2, '0')) AS DECIMAL(${scale + 2},${scale}))`, 40));
      const r = await update(add('k_dec'), { batchSize: 7, onProgress: guard(20) });
      expect(r.rowsUpdated).toBe(40);
      expect(await counts('k_dec')).toEqual(['1:40']);
      await db.query('UPDATE k_dec SET n = 0');
      expect((await interruptedThenResumed(add('k_dec'), 7)).rowsUpdated).toBe(40);
      expect(await counts('k_dec')).toEqual(['1:40']);
    });

    it('walks FLOAT and DOUBLE keys, whose values have no short exact decimal text, one row per batch', { timeout: 60_000 }, async () => {
      const keys: [string, string, (i: string) => string][] = [
        ['k_float', 'FLOAT', (i) => `${i} + 0.1`],
        ['k_double', 'DOUBLE', (i) => `${i} * 0.1e0 + 0.2e0`],
      ];
      for (const [table, type, value] of keys) {
        await db.query(`CREATE TABLE ${table} (k ${type} NOT NULL PRIMARY KEY, n INT NOT NULL DEFAULT 0)`);
        await db.query(insertSeries(table, 'k', value, 12));
        const r = await update(add(table), { batchSize: 1, onProgress: guard(30) });
        expect(r.rowsUpdated, table).toBe(12);
        expect(await counts(table), table).toEqual(['1:12']);
        await db.query(`UPDATE ${table} SET n = 0`);
        expect((await interruptedThenResumed(add(table), 5)).rowsUpdated, table).toBe(12);
        expect(await counts(table), table).toEqual(['1:12']);
      }
    });
  });
}
