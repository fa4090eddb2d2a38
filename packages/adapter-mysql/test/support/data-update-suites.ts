import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type DataAdapter, type UpdateOptions, type UpdateRequest, migration, resolveUpdate } from '@ductape/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_PROGRESS_TABLE } from '../../src/shared.js';
import type { FamilyTarget } from './family-suites.js';
import { serverSession } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

const child = fileURLToPath(new URL('./update-rows-child.mjs', import.meta.url));

/** `INSERT INTO <table> (<columns>) SELECT <select of i>` for i = 1..n, without a recursive CTE (MySQL stops those at 1,000). */
export function insertSeries(table: string, columns: string, select: (i: string) => string, n: number): string {
  const digits =
    'SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9';
  const i = '(d0.d + 10 * d1.d + 100 * d2.d + 1000 * d3.d + 10000 * d4.d + 100000 * d5.d + 1)';
  const from = [0, 1, 2, 3, 4, 5].map((k) => `(${digits}) AS d${k}`).join(' CROSS JOIN ');
  return `INSERT INTO \`${table}\` (${columns}) SELECT ${select(i)} FROM ${from} WHERE ${i} <= ${n}`;
}

/**
 * Real-server checks of db.update (DataAdapter.updateRows) both MySQL-family adapters run: the
 * spec's data migration in batches, every operator with PostgreSQL's results, exactly once after
 * a failed batch and after a kill -9 mid-run, composite and non-integer keys, and the refusals
 * before any write.
 */
export function dataUpdateSuites(target: FamilyTarget): void {
  describe(`${target.label}: db.update on the real server`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let adapter: DataAdapter;
    beforeAll(() => {
      db = session.db;
      adapter = session.adapter as DataAdapter;
    });
    const update = async (request: UpdateRequest, options: UpdateOptions = {}) => adapter.updateRows(resolveUpdate(request, (await adapter.introspect(request.table))!), options);
    const rows = async (sql: string) =>
      (await db.query(sql)).map((r) =>
        Object.values(r)
          .map((v) => (v === null ? 'null' : String(v)))
          .join('|'),
      );
    const count = async (sql: string) => Number((await db.query(sql))[0]?.n);
    const progressRows = () => count(`SELECT COUNT(*) AS n FROM \`${DATA_PROGRESS_TABLE}\``);

    it("runs the spec's data migration in batches along the key; a null part is skipped, as PostgreSQL's concat does", async () => {
      await session.engine.up(
        migration('users')
          .createCollection('users', { id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string', full_name: 'string' })
          .build(),
      );
      await db.query(insertSeries('users', 'id, first_name, last_name, full_name', (i) => `${i}, CONCAT('F', ${i}), IF(${i} % 5 = 0, NULL, CONCAT('L', ${i})), IF(${i} <= 3, 'kept', NULL)`, 1000));
      const progress: number[] = [];
      const r = await update(
        { table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } },
        { batchSize: 300, maxLockMs: 60_000, onProgress: (p) => progress.push(p.rowsUpdated) },
      );
      expect(r).toMatchObject({ rowsUpdated: 997, batches: 4 });
      expect(progress).toEqual([300, 600, 900, 997]);
      expect(await rows('SELECT id, full_name FROM users WHERE id IN (1, 4, 5, 1000) ORDER BY id')).toEqual(['1|kept', '4|F4 L4', '5|F5 ', '1000|F1000 ']);
      expect(await count('SELECT COUNT(*) AS n FROM users WHERE full_name IS NULL')).toBe(0);
      expect(await progressRows()).toBe(0);
    });

    it("gives PostgreSQL's results for every operator and where condition", async () => {
      await session.engine.up(
        migration('ops')
          .createCollection('ops', {
            id: { type: 'integer', primaryKey: true },
            a: 'integer',
            b: 'integer',
            price: 'double',
            name: 'string',
            nick: 'string',
            flag: 'boolean',
            seen: 'timestamp',
            day: 'datetime',
            t: 'string',
            i: 'integer',
            x: 'double',
          })
          .build(),
      );
      await db.query("INSERT INTO ops (id, a, b, price, name, nick, flag) VALUES (1, 7, 2, 4.5, 'Ada', NULL, TRUE), (2, -7, 2, 1.25, 'Bob', 'bobby', FALSE), (3, 5, NULL, NULL, 'Cy', NULL, NULL)");
      const read = (columns: string) => rows(`SELECT ${columns} FROM ops ORDER BY id`);
      await update({ table: 'ops', data: { t: { $CONCAT: ['name', '-', 'nick', '-', 'flag', '-', 'a'] }, i: { $DIV: ['a', 'b'] }, x: { $DIV: ['a', 2.5] } } });
      expect(await read('t, i, x')).toEqual(['Ada--t-7|3|2.8', 'Bob-bobby-f--7|-3|-2.8', 'Cy---5|null|2']);
      await update({ table: 'ops', data: { t: { $UPPER: { $COALESCE: ['nick', 'name'] } }, i: { $ADD: [{ $SUB: ['a', 1] }, { $MUL: ['b', 3] }] }, x: { $MUL: ['price', 2] } } });
      expect(await read('t, i, x')).toEqual(['ADA|12|9', 'BOBBY|-2|2.5', 'CY|null|null']);
      await update({ table: 'ops', data: { t: { $LOWER: 'flag' } } });
      expect(await read('t')).toEqual(['true', 'false', 'null']);
      // Each expression reads the row as it was (MySQL would assign left to right).
      await update({ table: 'ops', data: { a: { $ADD: ['a', 1] }, b: { $ADD: ['a', 0] } }, where: { id: 1 } });
      expect(await read('a, b')).toEqual(['8|7', '-7|2', '5|null']);
      await update({ table: 'ops', data: { t: 'ne' }, where: { nick: { $ne: 'bobby' } } });
      await update({ table: 'ops', data: { i: 0 }, where: { a: { $in: [8, 5] } } });
      await update({ table: 'ops', data: { x: 0 }, where: { a: { $gt: 0, $lte: 5 } } });
      expect(await read('t, i, x')).toEqual(['ne|0|9', 'false|-2|2.5', 'ne|0|0']);
      // Text compares by code point, as in PostgreSQL: 'ada' is not 'Ada', and 'bobby' > 'Z'.
      await update({ table: 'ops', data: { i: 7 }, where: { name: 'ada' } });
      await update({ table: 'ops', data: { x: 7 }, where: { nick: { $gt: 'Z' }, name: { $in: ['Bob', 'bob '] } } });
      expect(await read('t, i, x')).toEqual(['ne|0|9', 'false|-2|7', 'ne|0|0']);
      // timestamp: the instant, in UTC; datetime: the digits given, as PostgreSQL's timestamp without time zone.
      await update({ table: 'ops', data: { seen: '2024-01-15T14:30:00+02:00', day: '2024-01-15T14:30:00+02:00' }, where: { id: 2 } });
      expect(await rows('SELECT FLOOR(UNIX_TIMESTAMP(seen)), CAST(day AS CHAR) FROM ops WHERE id = 2')).toEqual([`${Date.UTC(2024, 0, 15, 12, 30) / 1000}|2024-01-15 14:30:00.000`]);
      await update({ table: 'ops', data: { t: 'day' }, where: { day: { $gte: '2024-01-15T14:30:00Z' } } });
      expect(await read('t')).toEqual(['ne', 'day', 'ne']);
    });

    it('updates each row exactly once even when it still matches; resumes after the last committed batch when a batch fails', async () => {
      await db.query('CREATE TABLE counted (id INT NOT NULL PRIMARY KEY, n INT NOT NULL DEFAULT 0)');
      await db.query(insertSeries('counted', 'id', (i) => i, 1000));
      // A trigger fails the batch that reaches row 700 on its second pass, as a bad row would.
      await db.query(
        "CREATE TRIGGER stop_at_700 BEFORE UPDATE ON counted FOR EACH ROW BEGIN IF NEW.id = 700 AND NEW.n = 2 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'stopped at 700'; END IF; END",
      );
      const request: UpdateRequest = { table: 'counted', data: { n: { $ADD: ['n', 1] } }, where: { n: { $gte: 0 } } };
      expect(await update(request, { batchSize: 128, maxLockMs: 60_000 })).toMatchObject({ rowsUpdated: 1000, batches: 8 });
      await expect(update(request, { batchSize: 100 })).rejects.toMatchObject({ name: 'MysqlUpdateError', message: expect.stringMatching(/stopped at 700/) });
      expect(await count('SELECT COUNT(*) AS n FROM counted WHERE n = 2')).toBe(600);
      await db.query('DROP TRIGGER stop_at_700');
      expect(await update(request, { batchSize: 100 })).toMatchObject({ rowsUpdated: 1000, batches: 4 }); // 600 before + 400 now
      expect(await rows('SELECT MIN(n), MAX(n), COUNT(*) FROM counted')).toEqual(['2|2|1000']);
      expect(await progressRows()).toBe(0);
    });

    it('a kill -9 in the middle of a backfill, then a re-run: every row updated exactly once', async () => {
      const total = 30_000;
      await db.query('CREATE TABLE backfill (id INT NOT NULL PRIMARY KEY, n INT NOT NULL DEFAULT 0, label VARCHAR(40) NULL)');
      await db.query(insertSeries('backfill', 'id', (i) => i, total));
      const request: UpdateRequest = { table: 'backfill', data: { n: { $ADD: ['n', 1] }, label: { $CONCAT: ['row ', 'id'] } } };
      const proc: ChildProcess = spawn(process.execPath, [child, db.url, target.label, JSON.stringify(request), '200'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const killedAt = await new Promise<number>((resolve, reject) => {
        let lines = 0;
        proc.stdout?.on('data', (chunk: Buffer) => {
          lines += chunk.toString().split('\n').filter(Boolean).length;
          if (lines >= 20 && proc.exitCode === null && !proc.killed) {
            proc.kill('SIGKILL');
            resolve(lines);
          }
        });
        proc.on('exit', (code) => reject(new Error(`the child ended by itself (${code}) before it was killed`)));
      });
      await new Promise((r) => proc.once('exit', r));
      expect(proc.signalCode).toBe('SIGKILL');
      const committed = await count('SELECT COUNT(*) AS n FROM backfill WHERE n = 1');
      expect(committed).toBeGreaterThanOrEqual(killedAt * 200);
      expect(committed).toBeLessThan(total);
      const [saved] = await db.query(`SELECT CAST(rows_updated AS CHAR) AS n FROM \`${DATA_PROGRESS_TABLE}\``);
      expect(Number(saved?.n)).toBe(committed); // the progress row committed with its batch, never apart
      const r = await update(request, { batchSize: 200 });
      expect(r.rowsUpdated).toBe(total);
      expect(await rows('SELECT COUNT(*), SUM(n = 1), SUM(n <> 1), SUM(label IS NULL) FROM backfill')).toEqual([`${total}|${total}|0|0`]);
      expect(await progressRows()).toBe(0);
    }, 120_000);

    it('walks a composite key and keys that are not integers (text, datetime, binary, a BIGINT beyond 2^53) in batches', async () => {
      await db.query('CREATE TABLE pairs (region VARCHAR(10) NOT NULL, seq INT NOT NULL, n INT NOT NULL DEFAULT 0, PRIMARY KEY (region, seq))');
      await db.query(insertSeries('pairs', 'region, seq', (i) => `ELT(1 + ${i} % 3, 'eu', 'us', 'ap'), ${i}`, 500));
      expect(await update({ table: 'pairs', data: { n: { $ADD: ['n', 1] } } }, { batchSize: 7 })).toMatchObject({ rowsUpdated: 500 });
      expect(await rows('SELECT MIN(n), MAX(n), COUNT(*) FROM pairs')).toEqual(['1|1|500']);
      const keys: [string, string, (i: string) => string][] = [
        ['text', 'VARCHAR(20) COLLATE utf8mb4_unicode_ci', (i) => `CONCAT(IF(${i} % 2 = 0, 'a', 'B'), LPAD(${i}, 4, '0'))`],
        ['time', 'DATETIME(3)', (i) => `TIMESTAMPADD(SECOND, ${i}, '2024-01-01 00:00:00.5')`],
        ['bin', 'VARBINARY(16)', (i) => `UNHEX(LPAD(HEX(${i} * 7919), 6, '0'))`],
        ['big', 'BIGINT', (i) => `9007199254740990 + ${i}`],
      ];
      for (const [name, type, value] of keys) {
        await db.query(`CREATE TABLE k_${name} (k ${type} NOT NULL PRIMARY KEY, n INT NOT NULL DEFAULT 0)`);
        await db.query(insertSeries(`k_${name}`, 'k', value, 300));
        const r = await update({ table: `k_${name}`, data: { n: { $ADD: ['n', 1] } }, where: { n: 0 } }, { batchSize: 11 });
        expect(r, name).toMatchObject({ rowsUpdated: 300, batches: 28 });
        expect(await rows(`SELECT MIN(n), MAX(n), COUNT(*) FROM k_${name}`), name).toEqual(['1|1|300']);
      }
    });

    it('refuses before any write what MySQL cannot run as PostgreSQL would, with typed errors', async () => {
      await db.query("CREATE TABLE refused (id INT NOT NULL PRIMARY KEY, a INT, b INT, kind ENUM('x', 'y') NOT NULL DEFAULT 'x')");
      await db.query("CREATE TABLE by_kind (kind ENUM('x', 'y') NOT NULL PRIMARY KEY, n INT)");
      await db.query('CREATE TABLE plain (id INT NOT NULL PRIMARY KEY, n INT) ENGINE=MyISAM');
      await db.query('INSERT INTO refused (id, a, b) VALUES (1, 1, 2)');
      await db.query("INSERT INTO by_kind VALUES ('x', 1), ('y', 2)");
      await db.query('INSERT INTO plain VALUES (1, 1)');
      await expect(update({ table: 'refused', data: { a: { $ADD: ['b', 0] }, b: { $ADD: ['a', 0] } } })).rejects.toMatchObject({
        code: 'DUCTAPE_VALIDATION',
        message: expect.stringContaining('"a", "b" are each set from another of them'),
      });
      await expect(update({ table: 'by_kind', data: { n: 0 } })).rejects.toMatchObject({ code: 'DUCTAPE_VALIDATION', message: expect.stringContaining('primary key column "kind" is an enum') });
      await expect(update({ table: 'plain', data: { n: 0 } })).rejects.toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION', message: expect.stringContaining('MyISAM') });
      await expect(update({ table: 'refused', data: { a: 0 } }, { batchSize: 0 })).rejects.toMatchObject({ code: 'DUCTAPE_INVALID_ARGUMENT' });
      expect(await rows('SELECT a, b FROM refused')).toEqual(['1|2']);
      expect(await rows('SELECT kind, n FROM by_kind ORDER BY kind')).toEqual(['x|1', 'y|2']);
      expect(await rows('SELECT n FROM plain')).toEqual(['1']);
    });
  });
}
