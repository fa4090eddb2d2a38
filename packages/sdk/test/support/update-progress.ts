import { expect, it } from 'vitest';
import type { UpdateOptions, UpdateProgress, UpdateRequest } from '../../src/index.js';
import type { UpdateTarget } from './update-checks.js';

/** A database for the dryRun / maxLockMs / onProgress cases, and what its progress events count. */
export interface ProgressTarget extends UpdateTarget {
  /**
   * `matching`: rowsDone = rows updated, total = an exact count of the rows matching where
   * (PostgreSQL, MySQL/MariaDB, MongoDB). `items`: rowsDone = items read, total = the table's
   * item count (DynamoDB). `none`: rowsDone = rows read, no total and no ETA (Cassandra).
   */
  readonly total: 'matching' | 'items' | 'none';
}

let n = 0;

/**
 * Issue 19: `db.update(…, { dryRun })` counts with the real run's where and changes nothing, is
 * refused as the real run is; `maxLockMs` sizes the batches (core's rule); `onProgress` reports
 * after each batch with rowsDone / total / rowsPerSecond / etaMs; the result has longestBatchMs.
 */
export function updateProgressCases(target: ProgressTarget): void {
  const setup = async (count: number) => {
    const db = await target.connect();
    const table = `prog_${Date.now().toString(36)}_${n++}`;
    await db.schema.create(table, { [target.key]: { type: 'integer', primaryKey: true }, age: 'integer', name: { type: 'string', length: 20 } });
    await target.insert(
      db,
      table,
      Array.from({ length: count }, (_, i) => ({ id: i + 1, age: (i % 10) * 10, name: `n${i + 1}` })),
    );
    return { db, table };
  };

  it('dryRun counts the rows the run then updates (the same where), shows the statements, and changes nothing', async () => {
    const { db, table } = await setup(30);
    try {
      const before = await target.read(db, table);
      const requests: UpdateRequest[] = [
        { table, data: { name: { $CONCAT: ['name', '!'] } }, where: { age: { $gte: 50 } } },
        { table, data: { age: { $ADD: ['age', 1] } }, where: { age: { $in: [0, 20, 90] }, name: { $ne: 'n1' } } },
        { table, data: { name: 'x' }, where: { age: { $lt: 0 } } },
      ];
      const expected = [15, 8, 0];
      for (const [i, request] of requests.entries()) {
        const events: UpdateProgress[] = [];
        const dry = await db.update(request, { dryRun: true, onProgress: (p) => events.push(p) });
        expect(dry.dryRun?.rowsToUpdate, JSON.stringify(request.where)).toBe(expected[i]);
        expect(dry).toMatchObject({ rowsUpdated: 0, batches: 0 });
        expect(events).toEqual([]);
        expect(dry.dryRun?.statements.length).toBeGreaterThan(0);
        for (const s of dry.dryRun?.statements ?? []) expect(typeof s.description).toBe('string');
        expect(JSON.parse(JSON.stringify(dry.dryRun))).toEqual(dry.dryRun); // printable as JSON (the CLI does)
        expect(await target.read(db, table)).toEqual(before);
      }
      // The real runs update exactly what the dry runs counted.
      for (const [i, request] of requests.entries()) {
        const dry = await db.update(request, { dryRun: true });
        const real = await db.update(request, { batchSize: 7 });
        expect(real.rowsUpdated, JSON.stringify(request.where)).toBe(dry.dryRun?.rowsToUpdate);
        expect(real.dryRun).toBeUndefined();
        if (i === 0) expect(await target.read(db, table)).not.toEqual(before);
      }
    } finally {
      await db.disconnect();
    }
  });

  it('dryRun is refused exactly as the real run: an unknown column, a table that does not exist, a bad option', async () => {
    const { db, table } = await setup(3);
    try {
      const cases: { request: UpdateRequest; options: UpdateOptions }[] = [
        { request: { table, data: { nope: 1 } }, options: {} },
        { request: { table, data: { age: 'abc' } }, options: {} },
        { request: { table: `${table}_missing`, data: { age: 1 } }, options: {} },
        { request: { table, data: { age: 1 } }, options: { maxLockMs: -1 } },
        { request: { table, data: { age: 1 } }, options: { batchSize: 0 } },
      ];
      for (const c of cases) {
        const real = (await db.update(c.request, c.options).catch((e: Error) => e)) as Error & { code?: string };
        const dry = (await db.update(c.request, { ...c.options, dryRun: true }).catch((e: Error) => e)) as Error & { code?: string };
        expect(real).toBeInstanceOf(Error);
        expect(dry.constructor, JSON.stringify(c)).toBe(real.constructor);
        expect(dry.code).toBe(real.code);
        expect(dry.message).toBe(real.message);
      }
      expect(await target.read(db, table)).toEqual(['1:0:n1', '2:10:n2', '3:20:n3']);
    } finally {
      await db.disconnect();
    }
  });

  it('onProgress after each batch: rowsDone, total, batches, rowsPerSecond, etaMs; the result has longestBatchMs', async () => {
    const { db, table } = await setup(30);
    try {
      const events: UpdateProgress[] = [];
      const r = await db.update({ table, data: { name: { $CONCAT: ['name', '?'] } } }, { batchSize: 10, onProgress: (p) => events.push(p) });
      expect(r.rowsUpdated).toBe(30);
      expect(events.length).toBe(r.batches);
      expect(events.map((e) => e.batches)).toEqual(events.map((_e, i) => i + 1));
      expect(events.map((e) => e.rowsUpdated).slice(0, 3)).toEqual([10, 20, 30]);
      const last = events[events.length - 1] as UpdateProgress;
      expect(last.rowsUpdated).toBe(30);
      expect(last.rowsDone).toBe(30);
      for (const e of events) expect(e.rowsPerSecond).toBeGreaterThanOrEqual(0);
      expect(last.rowsPerSecond).toBeGreaterThan(0);
      if (target.total === 'none') {
        expect(events.every((e) => e.total === undefined && e.etaMs === undefined)).toBe(true);
      } else {
        expect(events.every((e) => e.total === 30)).toBe(true);
        expect(last.etaMs).toBe(0);
        expect(events[0]?.etaMs).toBeGreaterThanOrEqual(0);
      }
      expect(typeof r.longestBatchMs).toBe('number');
      expect(r.longestBatchMs).toBeGreaterThan(0);
    } finally {
      await db.disconnect();
    }
  });

  it('maxLockMs: a batch slower than it halves the next one (to the floor of 100), a huge one keeps batchSize', async () => {
    const { db, table } = await setup(350);
    try {
      const sizes = async (maxLockMs: number, value: number) => {
        const done: number[] = [];
        const r = await db.update({ table, data: { age: value } }, { batchSize: 200, maxLockMs, onProgress: (p) => done.push(p.rowsDone) });
        expect(r.rowsUpdated).toBe(350);
        return done.map((d, i) => d - (done[i - 1] ?? 0)).filter((d) => d > 0);
      };
      expect(await sizes(0.001, 1)).toEqual([200, 100, 50]);
      expect(await sizes(1e9, 2)).toEqual([200, 150]);
    } finally {
      await db.disconnect();
    }
  });
}
