import { setTimeout as sleep } from 'node:timers/promises';
import { type HistoryEntry, type LockOwner, migration } from '@ductape/core';
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { detectCluster } from '../../src/shared.js';
import { type ClusterDatabase, clusterDatabase, galeraUrls } from '../support/galera-cluster.js';

// The lease lock's parts on the Galera cluster (`pnpm services:up galera`): detection, exclusion
// when three nodes race for the lease row, and the fencing token refusing a runner that lost it.
const urls = galeraUrls(requireServer('galera'));
const single = requireServer('mysql');
const owner = (id: string): LockOwner => ({ id, description: `runner ${id}` });

describe.skipIf(!urls)('Galera: the lease lock', () => {
  let db: ClusterDatabase;
  const adapters: MysqlAdapter[] = [];
  async function on(node: number): Promise<MysqlAdapter> {
    const a = new MysqlAdapter({ connection: db.urls[node] as string, logger: false });
    await a.connect();
    adapters.push(a);
    return a;
  }
  beforeAll(async () => {
    db = await clusterDatabase(urls as string[], 'galera_lease');
  });
  afterAll(async () => {
    for (const a of adapters) await a.close().catch(() => undefined);
    await db?.drop();
  });

  it('is chosen on every Galera node, GET_LOCK on the single server', async () => {
    for (const node of [0, 1, 2]) expect((await on(node)).lock.mode).toBe('lease');
    expect(await detectCluster({ query: async (sql) => (await db.query(0, sql)) as never })).toBe('galera');
    if (single) {
      const a = new MysqlAdapter({ connection: single, logger: false });
      await a.connect();
      expect(a.lock.mode).toBe('get-lock');
      await a.close();
    }
  });

  it('three nodes racing for the lease row: exactly one acquires in every round', async () => {
    const racers = await Promise.all([on(0), on(1), on(2)]);
    const winners: number[] = [];
    for (let round = 0; round < 15; round++) {
      const results = await Promise.all(racers.map((a, i) => a.lock.tryAcquire(owner(`r${round}-${i}`), 30_000)));
      const won = results.flatMap((r, i) => (r.acquired ? [i] : []));
      winners.push(won.length);
      for (const i of won) {
        const r = results[i];
        if (r?.acquired) await racers[i]?.lock.release(r.handle);
      }
    }
    expect(winners).toEqual(Array(15).fill(1));
  });

  it('a no-op DDL replicated from another node (total order) aborting the holder’s history writes is retried, not taken for a lost lease', async () => {
    const a = await on(0);
    const held = await a.lock.tryAcquire(owner('busy'), 30_000);
    expect(held.acquired).toBe(true);
    await a.history.ensure();
    let stop = false;
    let ddl = 0;
    // Another tool (or an older runner) on node 3 running no-op DDL on the lease and history tables.
    const noise = (async () => {
      while (!stop) {
        await db.query(2, 'CREATE TABLE IF NOT EXISTS _ductape_migrations_lease (x INT PRIMARY KEY)');
        await db.query(2, 'CREATE TABLE IF NOT EXISTS _ductape_migrations (x INT PRIMARY KEY)');
        ddl += 2;
        await sleep(20);
      }
    })();
    const m = migration('galera_busy')
      .createCollection('busy_t', [{ name: 'id', type: 'integer', primaryKey: true }])
      .build();
    const entry = (i: number): HistoryEntry => ({
      name: m.name,
      tag: m.tag,
      checksum: 'y'.repeat(64),
      status: 'running',
      direction: 'up',
      appliedAt: null,
      startedAt: new Date(),
      executionMs: i,
      stepsApplied: 0,
      stepsTotal: 1,
      error: null,
      appliedBy: 'busy',
      migration: m,
    });
    try {
      for (let i = 0; i < 60; i++) await a.history.save(entry(i));
    } finally {
      stop = true;
      await noise;
      if (held.acquired) await a.lock.release(held.handle).catch(() => undefined); // never leave it held for the next test
    }
    expect(ddl).toBeGreaterThan(0);
    expect(await db.query(0, "SELECT execution_ms FROM _ductape_migrations WHERE name = 'galera_busy'")).toEqual([{ execution_ms: 59 }]);
  });

  it('a holder whose lease was taken over writes nothing more: its step and history write are refused with DUCTAPE_LOCK_LOST', async () => {
    const [a, b] = [await on(0), await on(1)];
    const first = await a.lock.tryAcquire(owner('frozen'), 1_000);
    expect(first.acquired).toBe(true);
    // A stops renewing (frozen); B, on another node, takes over once the lease expired.
    let taken = await b.lock.tryAcquire(owner('next'), 30_000);
    for (let i = 0; i < 100 && !taken.acquired; i++) {
      await sleep(200);
      taken = await b.lock.tryAcquire(owner('next'), 30_000);
    }
    expect(taken.acquired).toBe(true);
    if (!first.acquired || !taken.acquired) return;
    expect(taken.handle.token).toBeGreaterThan(first.handle.token);
    expect(await a.lock.renew(first.handle, 1_000)).toBe(false);

    await a.history.ensure();
    const m = migration('galera_fenced')
      .createCollection('fenced_t', [{ name: 'id', type: 'integer', primaryKey: true }])
      .build();
    const entry: HistoryEntry = {
      name: m.name,
      tag: m.tag,
      checksum: 'x'.repeat(64),
      status: 'running',
      direction: 'up',
      appliedAt: null,
      startedAt: new Date(),
      executionMs: 0,
      stepsApplied: 0,
      stepsTotal: 1,
      error: null,
      appliedBy: 'frozen',
      migration: m,
    };
    await expect(a.history.save(entry)).rejects.toMatchObject({ code: 'DUCTAPE_LOCK_LOST' });
    const [step] = a.compile(m.up[0] as never, { migration: m, direction: 'up', index: 0, options: {} });
    await expect(a.withSession('autocommit', (s) => a.execute(step as never, s))).rejects.toMatchObject({ code: 'DUCTAPE_LOCK_LOST' });
    expect(await db.query(1, "SELECT name FROM _ductape_migrations WHERE name = 'galera_fenced'")).toEqual([]);
    expect(await db.query(1, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'fenced_t'")).toEqual([]);
    // The new holder's writes go through.
    await b.history.save({ ...entry, appliedBy: 'next' });
    expect(await db.query(2, "SELECT applied_by FROM _ductape_migrations WHERE name = 'galera_fenced'")).toEqual([{ applied_by: 'next' }]);
    await b.lock.release(taken.handle);
  });
});
