import { InvalidArgumentError } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { shardOf, shardOrder } from '../../src/fleet/shard-order.js';
import { DatabaseService, type FleetEvent } from '../../src/index.js';
import { memoryDatabase, memoryFleet, tenantMigrations, withLegacy } from '../support/fleet.js';

// Issue 20: `shard: { index, count }` is a hint — a runner takes its shard's targets first, then
// the others from the far end; none is left out, so a dead machine orphans nothing and each
// target's lock keeps it from running twice.
const ms = tenantMigrations();

async function fleet(count: number) {
  const f = memoryFleet(count);
  await withLegacy(f.urls);
  return { ...f, db: new DatabaseService({ config: f.config, vars: {} }) };
}

const starts = (events: FleetEvent[]) => events.filter((e) => e.type === 'target-start' && !e.retry).map((e) => e.target);

describe('fleet shard hint', () => {
  it('puts every name in one shard of 1…count, the same whatever the list, and spreads names over all shards', () => {
    const names = Array.from({ length: 200 }, (_, i) => `tenant_${i}`);
    const shards = names.map((n) => shardOf(n, 4));
    expect(shards.every((s) => s >= 1 && s <= 4)).toBe(true);
    expect(new Set(shards)).toEqual(new Set([1, 2, 3, 4]));
    expect(Math.min(...[1, 2, 3, 4].map((s) => shards.filter((x) => x === s).length))).toBeGreaterThan(25);
    expect(names.map((n) => shardOf(n, 4))).toEqual(shards);
    const { ordered } = shardOrder(['a', 'b', 'c', 'd', 'e', 'f'], { index: 2, count: 2 }, (t) => t);
    const own = ['a', 'b', 'c', 'd', 'e', 'f'].filter((t) => shardOf(t, 2) === 2);
    const others = ['a', 'b', 'c', 'd', 'e', 'f'].filter((t) => shardOf(t, 2) !== 2).reverse();
    expect(ordered).toEqual([...own, ...others]);
    expect(shardOrder(['a', 'b'], { index: 1, count: 1 }, (t) => t).ordered).toEqual(['a', 'b']);
  });

  it('takes its own shard first, then the rest from the end, and still migrates every target (a lone runner leaves no shard orphaned)', async () => {
    const { db, names } = await fleet(20);
    const events: FleetEvent[] = [];
    const summary = await db.fleet('tenants').up({ env: 'prd', migrations: ms, concurrency: 1, shard: { index: 2, count: 3 }, onEvent: (e) => events.push(e) });
    const own = names.filter((n) => shardOf(n, 3) === 2);
    expect(own.length).toBeGreaterThan(0);
    expect(starts(events)).toEqual([...own, ...names.filter((n) => shardOf(n, 3) !== 2).reverse()]);
    expect(summary).toMatchObject({ targets: 20, done: 20, failed: [], skipped: [], applied: 60, shard: { index: 2, count: 3, own: own.length } });
    expect(summary.rows.map((r) => r.target)).toEqual(names); // rows stay in fleet order
  });

  it('the canary targets come first whatever the shard', async () => {
    const { db, names } = await fleet(12);
    const events: FleetEvent[] = [];
    await db.fleet('tenants').up({ env: 'prd', migrations: ms, concurrency: 1, canary: 2, shard: { index: 1, count: 2 }, onEvent: (e) => events.push(e) });
    expect(starts(events).slice(0, 2)).toEqual(names.slice(0, 2));
    expect(new Set(starts(events))).toEqual(new Set(names));
  });

  it('two runners on shards 1/2 and 2/2 at once apply every migration exactly once', async () => {
    const { db, urls } = await fleet(24);
    const [a, b] = await Promise.all([
      db.fleet('tenants').up({ env: 'prd', migrations: ms, concurrency: 3, shard: { index: 1, count: 2 } }),
      db.fleet('tenants').up({ env: 'prd', migrations: ms, concurrency: 3, shard: { index: 2, count: 2 } }),
    ]);
    expect(a.applied + b.applied).toBe(24 * 3);
    expect([...a.failed, ...b.failed, ...a.skipped, ...b.skipped]).toEqual([]);
    for (const url of urls) {
      const history = (await memoryDatabase(url)).state.history.filter((h) => ms.some((m) => m.name === h.name));
      expect(history.map((h) => `${h.name}:${h.status}`).sort()).toEqual(['add_legacy_note:applied', 'add_phone:applied', 'create_users:applied']);
    }
  });

  it('refuses a shard that is not 1 ≤ index ≤ count before any IO', async () => {
    const { db } = await fleet(1);
    for (const shard of [{ index: 0, count: 2 }, { index: 3, count: 2 }, { index: 1, count: 0 }, { index: 1.5, count: 2 }, '1/2', null]) {
      await expect(db.fleet('tenants').up({ env: 'prd', migrations: ms, shard: shard as never })).rejects.toBeInstanceOf(InvalidArgumentError);
    }
  });
});
