import { type UpdateOptions, type UpdateRequest, resolveUpdate } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { hosts, useServerAdapter } from '../support/cassandra.js';

// db.update walks the ring from the last key it read (token(?) of the partition key, then the
// clustering columns), writes each row by its full primary key, and keeps the last key in the
// progress row: a key that does not come back exactly is another row (a write by it creates a
// row that was not there) or another place in the ring (rows skipped or taken twice). Every table
// here is updated with `n = n + 1`: every row must end at 1, and no row may appear.
describe.skipIf(!hosts)('db.update on Cassandra carries keys exactly (server)', () => {
  const ctx = useServerAdapter('updkeys');
  const cql = async (text: string, params: unknown[] = []) => (await ctx().adapter.driver.execute(text, params)).rows;
  const update = async (request: UpdateRequest, options: UpdateOptions) => {
    const { adapter } = ctx();
    return adapter.updateRows(resolveUpdate(request, (await adapter.introspect(request.table)) as never), { maxLockMs: 60_000, ...options });
  };
  const add = (table: string): UpdateRequest => ({ table, data: { n: { $ADD: ['n', 1] } } });
  const counts = async (table: string) => {
    const by = new Map<number, number>();
    for (const r of await cql(`SELECT n FROM "${ctx().keyspace}"."${table}"`)) by.set(r.get('n') as number, (by.get(r.get('n') as number) ?? 0) + 1);
    return [...by].sort(([a], [b]) => a - b).map(([n, c]) => `${n}:${c}`);
  };
  /** An onProgress that stops a run after `max` batches (a walk that never ends). */
  const guard = (max: number) => {
    let batches = 0;
    return () => {
      if (++batches > max) throw new Error(`more than ${max} batches: the walk does not advance`);
    };
  };
  /** Stops the update after its first batch (an onProgress that throws), then runs it again to the end. */
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
  const fill = async (table: string, keyType: string, literals: readonly string[]) => {
    const { keyspace } = ctx();
    await cql(`CREATE TABLE "${keyspace}"."${table}" (k ${keyType} PRIMARY KEY, n int)`);
    for (const k of literals) await cql(`INSERT INTO "${keyspace}"."${table}" (k, n) VALUES (${k}, 0)`);
    expect(await counts(table)).toEqual([`0:${literals.length}`]);
  };

  it('a decimal key keeps its scale: 1E+3 is not 1, and 1.10 is another partition than 1.1', { timeout: 60_000 }, async () => {
    const literals = ['1e3', '25e2', '-7e1', '1.10', '1.1', '0.001', '12345678901234567890.123456789', '5', '-0.5', '3e-2'];
    await fill('dec_keys', 'decimal', literals);
    const r = await update(add('dec_keys'), { batchSize: 3, onProgress: guard(20) });
    expect(r.rowsUpdated).toBe(literals.length);
    expect(await counts('dec_keys')).toEqual([`1:${literals.length}`]);
    await cql(`TRUNCATE "${ctx().keyspace}".dec_keys`);
    for (const k of literals) await cql(`INSERT INTO "${ctx().keyspace}".dec_keys (k, n) VALUES (${k}, 0)`);
    expect((await interruptedThenResumed(add('dec_keys'), 3)).rowsUpdated).toBe(literals.length);
    expect(await counts('dec_keys')).toEqual([`1:${literals.length}`]);
  });

  it('an inet key with several runs of zero groups comes back as the same address', { timeout: 60_000 }, async () => {
    const literals = ["'0:0:6edb:0:a652:0:15c8:0'", "'1:0:0:2:0:0:0:3'", "'fe80:0:0:1:0:0:0:1'", "'2001:db8::1'", "'::1'", "'10.0.0.1'", "'::ffff:10.0.0.2'", "'0:1:0:1:0:1:0:1'"];
    await fill('inet_keys', 'inet', literals);
    const r = await update(add('inet_keys'), { batchSize: 3, onProgress: guard(20) });
    expect(r.rowsUpdated).toBe(literals.length);
    expect(await counts('inet_keys')).toEqual([`1:${literals.length}`]);
    await cql(`TRUNCATE "${ctx().keyspace}".inet_keys`);
    for (const k of literals) await cql(`INSERT INTO "${ctx().keyspace}".inet_keys (k, n) VALUES (${k}, 0)`);
    expect((await interruptedThenResumed(add('inet_keys'), 3)).rowsUpdated).toBe(literals.length);
    expect(await counts('inet_keys')).toEqual([`1:${literals.length}`]);
  });

  it('resumes a bigint partition key above 2^53 at the exact key where it stopped', { timeout: 60_000 }, async () => {
    // Odd keys above 2^53 are not doubles: a rounded key is another partition, elsewhere in the ring.
    const literals = Array.from({ length: 20 }, (_, i) => String(9007199254740993n + 2n * BigInt(i)));
    await fill('big_keys', 'bigint', literals);
    expect((await interruptedThenResumed(add('big_keys'), 5)).rowsUpdated).toBe(20);
    expect(await counts('big_keys')).toEqual(['1:20']);
  });

  it('walks time (nanoseconds), bigint and varint clustering keys within one partition', { timeout: 60_000 }, async () => {
    const { keyspace } = ctx();
    await cql(`CREATE TABLE "${keyspace}".clustered (p int, t time, b bigint, v varint, n int, PRIMARY KEY (p, t, b, v))`);
    // 40 rows one nanosecond apart (all within one millisecond), and odd bigint/varint keys beyond 2^53 and 2^64.
    for (let i = 0; i < 40; i++) {
      const t = `10:00:00.000000${String(100 + i).padStart(3, '0')}`;
      await cql(`INSERT INTO "${keyspace}".clustered (p, t, b, v, n) VALUES (1, '${t}', ${9007199254740993n + 2n * BigInt(i % 3)}, ${36893488147419103233n + 2n * BigInt(i % 2)}, 0)`);
      await cql(`INSERT INTO "${keyspace}".clustered (p, t, b, v, n) VALUES (1, '10:00:00.000000000', ${9007199254740993n + 2n * BigInt(i)}, 1, 0)`);
    }
    const r = await update(add('clustered'), { batchSize: 7, onProgress: guard(40) });
    expect(r.rowsUpdated).toBe(80);
    expect(await counts('clustered')).toEqual(['1:80']);
  });
});
