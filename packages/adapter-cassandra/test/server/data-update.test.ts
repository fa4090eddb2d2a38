import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ResolvedUpdate, migration, resolveUpdate } from '@ductape/core';
import type { types } from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import type { CassandraAdapter } from '../../src/index.js';
import { hosts, useServerAdapter } from '../support/cassandra.js';

const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';

// Issue 19: db.update on Cassandra — pages along the ring, core's shared evaluator per row,
// writes by full primary key, a progress row per batch; exactly once across a kill -9.
/** Runs update-child.mjs and kills it (-9) while a batch is being written, past a few batches. */
/**
 * Runs the update in a child and SIGKILLs it once the progress row shows 400 rows done and a page
 * pending — and, with `written`, once more rows are written than the progress row counts (some of
 * the pending page landed), so the re-run meets rows already written by the killed batch even on a
 * loaded machine.
 */
async function killMidBatch(keyspace: string, mode: 'add' | 'concat', cql: (text: string) => Promise<types.Row[]>, written?: () => Promise<number>): Promise<{ rows: number; pending: unknown[] }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('../support/update-child.mjs', import.meta.url)), hosts as string, keyspace, dc, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  child.stderr.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let killedWith: { rows: number; pending: unknown[] } | undefined;
  const deadline = Date.now() + 90_000;
  while (!killedWith && Date.now() < deadline && child.exitCode === null) {
    const p = (await cql(`SELECT rows, pending FROM "${keyspace}"."_ductape_data_progress"`).catch(() => []))[0];
    const done = p ? Number(String(p.get('rows'))) : 0;
    if (p && done >= 400 && p.get('pending') && (written === undefined || (await written()) > done)) {
      child.kill('SIGKILL');
      // The progress as seen when more rows than it counts were written: rows are never unwritten,
      // so the killed run wrote more than this (the child may still have committed its page).
      killedWith = { rows: done, pending: JSON.parse(p.get('pending') ?? '[]') };
    } else await sleep(2);
  }
  await exited;
  expect(killedWith, out).toBeDefined();
  return killedWith as { rows: number; pending: unknown[] };
}

describe.skipIf(!hosts)('db.update on Cassandra (server)', () => {
  const ctx = useServerAdapter('dataupd');
  const cql = async (text: string, params: unknown[] = []) => (await ctx().adapter.driver.execute(text, params)).rows;
  const resolved = async (adapter: CassandraAdapter, request: Parameters<typeof resolveUpdate>[0]) => resolveUpdate(request, (await adapter.introspect(request.table)) as never);

  it('a kill -9 in the middle of a batch, then a re-run: every row updated exactly once', async () => {
    const { adapter, engine, keyspace } = ctx();
    await engine.up(
      migration('create_counters')
        .createCollection('counters', { id: { type: 'integer', primaryKey: true }, n: 'integer' })
        .build(),
    );
    const rows = 3000;
    for (let i = 0; i < rows; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => cql(`INSERT INTO "${keyspace}".counters (id, n) VALUES (?, ?)`, [i + j, 0])));
    }
    await killMidBatch(keyspace, 'add', cql);
    const counts = async () => (await cql(`SELECT n FROM "${keyspace}".counters`)).map((r) => r.get('n') as number);
    const before = await counts();
    const touched = before.filter((n) => n === 1).length;
    expect(touched).toBeGreaterThan(0);
    expect(touched).toBeLessThan(rows);
    expect(before.filter((n) => n !== 0 && n !== 1)).toEqual([]);

    const update = await resolved(adapter, { table: 'counters', data: { n: { $ADD: ['n', 1] } } });
    const rest = await adapter.updateRows(update, { batchSize: 40 });
    expect(rest.rowsUpdated).toBe(rows); // counted across the killed run and this one
    const after = await counts();
    expect(after).toHaveLength(rows);
    expect(after.filter((n) => n !== 1)).toEqual([]);
  }, 180_000);

  it('the spec backfill killed mid-batch: its pending rows are keys only, and the re-run counts every row once', async () => {
    const { adapter, engine, keyspace } = ctx();
    await engine.up(
      migration('create_people_killed')
        .createCollection('people_killed', { id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string', full_name: { type: 'string', nullable: true } })
        .build(),
    );
    const rows = 3000;
    for (let i = 0; i < rows; i += 100) {
      await Promise.all(Array.from({ length: 100 }, (_, j) => cql(`INSERT INTO "${keyspace}".people_killed (id, first_name, last_name) VALUES (?, ?, ?)`, [i + j, `F${i + j}`, `L${i + j}`])));
    }
    const names = async () => (await cql(`SELECT id, full_name FROM "${keyspace}".people_killed`)).map((r) => [r.get('id') as number, r.get('full_name') as string | null] as const);
    const killed = await killMidBatch(keyspace, 'concat', cql, async () => (await names()).filter(([, n]) => n !== null).length);
    // No set reads a set column: writing a row twice gives what writing it once gives, so no fingerprints.
    expect(killed.pending.every((p) => Object.keys(p as object).join() === 'key')).toBe(true);
    const written = (await names()).filter(([, n]) => n !== null).length;
    expect(written).toBeGreaterThan(killed.rows);
    expect(written).toBeLessThan(rows);

    const update = await resolved(adapter, { table: 'people_killed', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } });
    const rest = await adapter.updateRows(update, { batchSize: 40 });
    // The killed batch's rows already written count once (their full_name holds what they compute), the others are written now.
    expect(rest.rowsUpdated).toBe(rows);
    expect((await names()).filter(([id, n]) => n !== `F${id} L${id}`)).toEqual([]);
  }, 180_000);

  it('refuses before any IO: unknown column, wrong value type, arithmetic on text, a key column', async () => {
    const { adapter, engine, keyspace } = ctx();
    await engine.up(
      migration('create_people')
        .createCollection('people', { id: { type: 'integer', primaryKey: true }, age: 'integer', name: 'string' })
        .build(),
    );
    await cql(`INSERT INTO "${keyspace}".people (id, age, name) VALUES (1, 30, 'ab')`);
    const snapshot = async () => (await cql(`SELECT id, age, name FROM "${keyspace}".people`)).map((r) => `${r.id}:${r.age}:${r.name}`);
    const rowsBefore = await snapshot();
    const base = { table: 'people', key: ['id'], where: [] };
    const refused = async (update: ResolvedUpdate) =>
      (await adapter.updateRows(update).catch((e: unknown) => e)) as Error & { code: string; issues: { code: string; path: string; message: string }[] };

    const unknown = await refused({ ...base, set: [{ column: 'nope', value: { kind: 'literal', value: 1 } }] });
    expect(unknown).toMatchObject({ code: 'DUCTAPE_VALIDATION', issues: [{ code: 'unknown_column', path: 'data.nope' }] });
    const wrongType = await refused({ ...base, set: [{ column: 'age', value: { kind: 'literal', value: 'abc' } }] });
    expect(wrongType.issues).toEqual([expect.objectContaining({ code: 'type_mismatch', path: 'data.age', message: expect.stringContaining('"age" is integer and "abc" is text') })]);
    const textMath = await refused({
      ...base,
      set: [
        {
          column: 'age',
          value: {
            kind: 'call',
            op: '$ADD',
            args: [
              { kind: 'column', name: 'name' },
              { kind: 'literal', value: 1 },
            ],
          },
        },
      ],
    });
    expect(textMath.issues).toEqual([expect.objectContaining({ code: 'operator_type', message: expect.stringContaining('column "name" is string') })]);
    const key = await refused({
      ...base,
      set: [
        {
          column: 'id',
          value: {
            kind: 'call',
            op: '$ADD',
            args: [
              { kind: 'column', name: 'id' },
              { kind: 'literal', value: 1 },
            ],
          },
        },
      ],
    });
    expect(key.issues).toEqual([expect.objectContaining({ code: 'primary_key_update', path: 'data.id', message: expect.stringContaining('copy the rows into a table with the new key') })]);
    expect(key.message).toContain('nothing was changed');
    // Through the sdk's resolveUpdate the same request is refused too (it names the column).
    await expect(resolved(adapter, { table: 'people', data: { age: 'abc' } })).rejects.toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect(await snapshot()).toEqual(rowsBefore);
  });

  it('a composite partition key and clustering columns (one DESC): pages split inside partitions, every row once', async () => {
    const { adapter, engine, keyspace } = ctx();
    await engine.up(
      migration('create_events')
        .createCollection(
          'events',
          {
            tenant: { type: 'string', primaryKey: true },
            region: { type: 'integer', primaryKey: true },
            day: { type: 'date', primaryKey: true },
            seq: { type: 'integer', primaryKey: true },
            kind: 'string',
            hits: 'integer',
            label: 'string',
          },
          {
            cassandraOptions: {
              partitionKey: ['tenant', 'region'],
              clusteringColumns: ['day', 'seq'],
              clusteringOrder: [
                { column: 'day', order: 'DESC' },
                { column: 'seq', order: 'ASC' },
              ],
            },
          },
        )
        .build(),
    );
    const insert = `INSERT INTO "${keyspace}".events (tenant, region, day, seq, kind, hits) VALUES (?, ?, ?, ?, ?, ?)`;
    const expected = new Map<string, { hits: number; label: string | null }>();
    for (const tenant of ['a', 'b', 'c'])
      for (const region of [1, 2])
        for (const day of ['2024-01-01', '2024-01-02', '2024-01-03'])
          for (let seq = 0; seq < 4; seq++) {
            const kind = seq % 2 === 0 ? 'click' : 'view';
            await cql(insert, [tenant, region, day, seq, kind, seq]);
            const match = kind === 'click' && day >= '2024-01-02';
            expected.set(`${tenant}|${region}|${day}|${seq}`, { hits: match ? seq + 10 : seq, label: match ? `${tenant}-${kind}` : null });
          }
    const update = await resolved(adapter, {
      table: 'events',
      data: { hits: { $ADD: ['hits', 10] }, label: { $CONCAT: ['tenant', '-', 'kind'] } },
      where: { kind: 'click', day: { $gte: '2024-01-02' } },
    });
    const batches: number[] = [];
    const result = await adapter.updateRows(update, { batchSize: 5, onProgress: (p) => batches.push(p.batches) });
    expect(result.rowsUpdated).toBe(24);
    expect(batches.length).toBe(Math.ceil(72 / 5));
    const rows = await cql(`SELECT tenant, region, day, seq, hits, label FROM "${keyspace}".events`);
    expect(rows).toHaveLength(72);
    for (const r of rows) expect({ hits: r.get('hits'), label: r.get('label') }, String(r.get('day'))).toEqual(expected.get(`${r.get('tenant')}|${r.get('region')}|${r.get('day')}|${r.get('seq')}`));
  });
});
