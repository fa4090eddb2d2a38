import { resolveUpdate, type UpdateRequest } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDataAdapter } from '../../src/index.js';

// A batch resumes after the last key it reached, read back from the database: that key must come
// back exactly, whatever its type. JavaScript has no exact form for some of them: a timestamp with
// microseconds (a Date keeps milliseconds) and a bigint above 2^53 (a JSON number rounds).
describe('PostgreSQL data migrations: batch keys come back exactly', () => {
  const adapter = new PostgresDataAdapter({ pglite: { dataDir: 'memory://' } });
  const update = async (request: UpdateRequest, options: Parameters<PostgresDataAdapter['updateRows']>[1]) => {
    const table = await adapter.introspect(request.table);
    return adapter.updateRows(resolveUpdate(request, table!), options);
  };

  beforeAll(() => adapter.connect());
  afterAll(() => adapter.close());

  it('walks a timestamp key with microseconds without taking a row twice', { timeout: 30_000 }, async () => {
    await adapter.query('CREATE TABLE events (at timestamptz PRIMARY KEY, n integer NOT NULL DEFAULT 0)');
    // 40 rows one microsecond apart: all in the same millisecond.
    await adapter.query("INSERT INTO events (at) SELECT timestamptz '2026-12-07 10:00:00.000100+00' + g * interval '1 microsecond' FROM generate_series(1, 40) g");
    const r = await update({ table: 'events', data: { n: { $ADD: ['n', 1] } } }, { batchSize: 7, maxLockMs: 60_000 });
    expect(r.rowsUpdated).toBe(40);
    expect(await adapter.query('SELECT n, count(*)::int AS rows FROM events GROUP BY n ORDER BY n')).toEqual([{ n: 1, rows: 40 }]);
  });

  it('resumes a bigint key above 2^53 at the exact key where it stopped', { timeout: 30_000 }, async () => {
    await adapter.query('CREATE TABLE ids (id bigint PRIMARY KEY, n integer NOT NULL DEFAULT 0)');
    // 2^53 + 1 + g: above 2^53 only even integers are doubles; the first batch of 5 ends on 2^53 + 5, which is not.
    await adapter.query('INSERT INTO ids (id) SELECT 9007199254740993 + g FROM generate_series(0, 19) g');
    const request: UpdateRequest = { table: 'ids', data: { n: { $ADD: ['n', 1] } } };
    const stop = new Error('stop after the first batch');
    await expect(
      update(request, {
        batchSize: 5,
        maxLockMs: 60_000,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(await adapter.query('SELECT count(*)::int AS rows FROM ids WHERE n = 1')).toEqual([{ rows: 5 }]);
    const r = await update(request, { batchSize: 5, maxLockMs: 60_000 });
    expect(r.rowsUpdated).toBe(20);
    expect(await adapter.query('SELECT n, count(*)::int AS rows FROM ids GROUP BY n ORDER BY n')).toEqual([{ n: 1, rows: 20 }]);
  });
});
