import { afterAll, describe, expect, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

describe.skipIf(!endpoint)('lease lock on DynamoDB Local', () => {
  const prefix = uniquePrefix('lock');
  const a = makeAdapter(prefix);
  const b = makeAdapter(prefix);
  afterAll(async () => {
    await dropTables(a, prefix);
    await a.close();
    await b.close();
  });

  it('creates its table when missing; tokens keep growing across releases (fencing)', async () => {
    const tokens: number[] = [];
    for (const [adapter, id] of [
      [a, 'one'],
      [b, 'two'],
      [a, 'three'],
    ] as const) {
      const r = await adapter.lock.tryAcquire({ id, description: `runner ${id}` }, 10_000);
      if (!r.acquired) throw new Error('not acquired');
      tokens.push(r.handle.token);
      await adapter.lock.release(r.handle);
    }
    expect(tokens).toEqual([1, 2, 3]);
  });

  it('names the holder and its lease; a stale handle can neither renew nor release the new holder', async () => {
    // A lease long enough that the refusal below meets it held even on a cold, loaded DynamoDB Local.
    const first = await a.lock.tryAcquire({ id: 'old', description: 'old runner' }, 1500);
    if (!first.acquired) throw new Error('not acquired');
    const refused = await b.lock.tryAcquire({ id: 'new', description: 'new runner' }, 10_000);
    expect(refused).toMatchObject({ acquired: false, heldBy: expect.stringMatching(/^old runner \(lease until \d{4}-/) });
    await new Promise((r) => setTimeout(r, 1600));
    const second = await b.lock.tryAcquire({ id: 'new', description: 'new runner' }, 10_000);
    if (!second.acquired) throw new Error('not taken over');
    expect(second.handle.token).toBeGreaterThan(first.handle.token);
    expect(await a.lock.renew(first.handle, 10_000)).toBe(false);
    await a.lock.release(first.handle);
    expect((await a.lock.tryAcquire({ id: 'third', description: 'third' }, 10_000)).acquired).toBe(false);
    await b.lock.release(second.handle);
  });

  it('holder() names a live holder only; forceRelease() frees it and the old handle cannot renew', async () => {
    expect(await a.lock.holder()).toBeUndefined();
    const held = await a.lock.tryAcquire({ id: 'stuck', description: 'stuck runner' }, 60_000);
    if (!held.acquired) throw new Error('not acquired');
    expect(await b.lock.holder()).toMatch(/^stuck runner \(lease until/);
    await b.lock.forceRelease();
    expect(await b.lock.holder()).toBeUndefined();
    expect(await a.lock.renew(held.handle, 60_000)).toBe(false);
    const next = await b.lock.tryAcquire({ id: 'next', description: 'next' }, 10_000);
    expect(next.acquired && next.handle.token).toBe(held.handle.token + 1);
  });
});
