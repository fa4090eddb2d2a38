import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockTimeoutError, MigrationEngine, migration, type LockOwner } from '@ductape/core';
import { type CassandraAdapter, createAdapter } from '../../src/index.js';
import { connectedAdapter, dropKeyspace, hosts, testKeyspace } from '../support/cassandra.js';

const owner = (label: string): LockOwner => ({ id: `${label}-${Math.random().toString(36).slice(2)}`, description: `test ${label}` });

describe.skipIf(!hosts)('Cassandra: the lightweight-transaction lease lock (and introspection before any history)', () => {
  let a: CassandraAdapter;
  let b: CassandraAdapter;
  const keyspace = testKeyspace('lock');
  beforeAll(async () => {
    a = await connectedAdapter(keyspace);
    // The second one as the sdk makes it: createAdapter with a cassandra:// URL.
    const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';
    b = (await createAdapter({ connection: `cassandra://${hosts}/${keyspace}?dc=${dc}&rf=1`, product: 'p', database: 'd', env: 'test' })) as CassandraAdapter;
    await b.connect();
  });
  afterAll(async () => {
    if (!a) return;
    await dropKeyspace(a).catch(() => undefined);
    await Promise.all([a.close(), b?.close()]);
  });

  it('introspects a table made outside Ductape before any history exists', async () => {
    await a.driver.execute(`CREATE TABLE "${keyspace}".outside (k int PRIMARY KEY, v list<text>)`, [], true);
    expect(await a.introspect('outside')).toMatchObject({
      fields: [
        { name: 'k', type: 'integer', primaryKey: true },
        { name: 'v', type: 'array', itemType: 'string' },
      ],
    });
  });

  it('excludes a second holder and names the first; only the owner renews and releases', async () => {
    const first = await a.lock.tryAcquire(owner('A'), 30_000);
    expect(first.acquired).toBe(true);
    if (!first.acquired) return;
    const second = await b.lock.tryAcquire(owner('B'), 30_000);
    expect(second).toMatchObject({ acquired: false, heldBy: expect.stringContaining('test A') });
    expect(await b.lock.holder()).toMatch(/test A \(token \d+\), lease ends in \d+ s/);
    expect(await a.lock.renew(first.handle, 30_000)).toBe(true);
    const stranger = { owner: owner('C'), token: first.handle.token };
    expect(await b.lock.renew(stranger, 30_000)).toBe(false);
    await b.lock.release(stranger); // not the owner: nothing happens
    expect((await b.lock.tryAcquire(owner('B'), 30_000)).acquired).toBe(false);
    await a.lock.release(first.handle);
    expect(await b.lock.holder()).toBeUndefined();
    const third = await b.lock.tryAcquire(owner('B'), 30_000);
    expect(third.acquired).toBe(true);
    if (third.acquired) {
      expect(third.handle.token).toBeGreaterThan(first.handle.token);
      await a.lock.forceRelease(); // ductape unlock --yes
      expect(await b.lock.renew(third.handle, 30_000)).toBe(false);
      expect(await a.lock.holder()).toBeUndefined();
    }
  });

  it('a dead holder’s lease expires with its TTL; the next holder gets a larger token and the old handle cannot renew', async () => {
    // A lease long enough that the engine below surely meets it held, even on a loaded machine.
    const dead = await a.lock.tryAcquire(owner('dead'), 4000);
    expect(dead.acquired).toBe(true);
    if (!dead.acquired) return;
    const engine = new MigrationEngine(b, { lockTimeoutMs: 10_000 });
    const m = migration('after_takeover')
      .createCollection('t', { id: { type: 'uuid', primaryKey: true } })
      .build();
    const started = Date.now();
    const events: string[] = [];
    const waiting = new MigrationEngine(b, { lockTimeoutMs: 10_000, onProgress: (e) => events.push(e.type) });
    await waiting.up(m);
    expect(events[0]).toBe('lock:wait');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await a.lock.renew(dead.handle, 1000)).toBe(false);
    const held = await a.lock.tryAcquire(owner('A'), 30_000);
    expect(held.acquired).toBe(true);
    if (held.acquired) {
      await expect(new MigrationEngine(b, { lockTimeoutMs: 300 }).up(m)).rejects.toBeInstanceOf(LockTimeoutError);
      expect(held.handle.token).toBeGreaterThan(dead.handle.token);
      await a.lock.release(held.handle);
    }
    expect((await engine.up(m)).outcome).toBe('skipped');
  });
});
