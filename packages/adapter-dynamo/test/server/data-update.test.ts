import { MigrationEngine, migration, resolveUpdate } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// The spec's data migration (`db.update`) on DynamoDB Local: Scan pages, values computed per
// item, writes conditional on `where`, progress saved per page.
describe.skipIf(!endpoint)('data migrations (updateRows) on DynamoDB Local', () => {
  const prefix = uniquePrefix('data');
  const adapter = makeAdapter(prefix, { maxWritesPerSecond: 1000 });
  const table = `${prefix}users`;
  const get = async (id: string) => (await adapter.driver.send('GetItem', { TableName: table, Key: { id: { S: id } }, ConsistentRead: true })).Item as Record<string, { S?: string; N?: string }>;
  const resolved = async (request: Parameters<typeof resolveUpdate>[0]) => resolveUpdate(request, (await adapter.introspect('users'))!);

  beforeAll(async () => {
    await new MigrationEngine(adapter).up(
      migration('create_users')
        .createCollection('users', { id: { type: 'string', primaryKey: true }, first_name: 'string', last_name: 'string', full_name: 'string', n: 'integer' })
        .build(),
    );
    for (let i = 0; i < 25; i++) {
      const full = i === 3 ? { full_name: { S: 'Kept As Is' } } : {};
      await adapter.driver.send('PutItem', { TableName: table, Item: { id: { S: `u${i}` }, first_name: { S: `Ada${i}` }, last_name: { S: 'Lovelace' }, n: { N: String(i) }, ...full } });
    }
  });
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  it('runs the spec example: full_name from first and last name where it is null, in batches', async () => {
    const update = await resolved({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } });
    const progress: number[] = [];
    const result = await adapter.updateRows(update, { batchSize: 10, onProgress: (p) => progress.push(p.rowsUpdated) });
    expect(result.rowsUpdated).toBe(24);
    expect(result.batches).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(24);
    expect((await get('u7')).full_name).toEqual({ S: 'Ada7 Lovelace' });
    expect((await get('u3')).full_name).toEqual({ S: 'Kept As Is' });
    expect(await adapter.updateRows(update, { batchSize: 10 })).toMatchObject({ rowsUpdated: 0 });
  });

  it('an interrupted run resumes after the last finished page: a non-idempotent update applies once', async () => {
    const update = await resolved({ table: 'users', data: { n: { $ADD: ['n', 100] } } }); // no where: only the saved progress keeps it exactly once
    const stop = new Error('process killed after the first page');
    await expect(
      adapter.updateRows(update, {
        batchSize: 10,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const afterFirst = (await Promise.all(Array.from({ length: 25 }, (_, i) => get(`u${i}`)))).filter((it) => Number(it.n?.N) >= 100).length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(25);
    const rest = await adapter.updateRows(update, { batchSize: 10 });
    expect(rest.rowsUpdated).toBe(25); // counted across the interrupted run and this one
    for (let i = 0; i < 25; i++) expect((await get(`u${i}`)).n).toEqual({ N: String(i + 100) });
  });

  it('a null value removes the attribute; $in and $ne filter with SQL null rules', async () => {
    const clear = await resolved({ table: 'users', data: { last_name: null }, where: { id: { $in: ['u1', 'u2'] } } });
    expect(await adapter.updateRows(clear)).toMatchObject({ rowsUpdated: 2 });
    expect((await get('u1')).last_name).toBeUndefined();
    const upper = await resolved({ table: 'users', data: { first_name: { $UPPER: 'first_name' } }, where: { last_name: { $ne: 'Lovelace' } } });
    expect(await adapter.updateRows(upper)).toMatchObject({ rowsUpdated: 2 });
    expect((await get('u2')).first_name).toEqual({ S: 'ADA2' });
    expect((await get('u5')).first_name).toEqual({ S: 'Ada5' });
  });
});
