import { MemoryAdapter } from '@ductape/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { DatabaseService, type FleetEvent } from '../../src/index.js';
import { FleetMeter } from '../../src/fleet/fleet-meter.js';
import { checkUpOptions } from '../../src/fleet/fleet-options.js';
import { runFleet } from '../../src/fleet/fleet-runner.js';
import type { FleetTarget } from '../../src/fleet/fleet-target.js';
import { memoryDatabase, memoryFleet, tenantMigrations, withLegacy } from '../support/fleet.js';

const ms = tenantMigrations();

describe('a fleet run measures its pace (issue 20: migrations/s and ETA)', () => {
  it('FleetMeter: migrations per second since the start, ETA from the time per finished target', () => {
    let now = 10_000;
    const meter = new FleetMeter(() => now);
    expect(meter.pace({ done: 0, failed: 0, running: 4, left: 16 })).toEqual({ applied: 0, migrationsPerSecond: 0, etaMs: undefined });
    now += 2_000;
    meter.add(5);
    meter.add(1);
    // 6 migrations in 2 s; 3 targets finished in 2 s, 7 still to finish: 7 × 2000/3 ms.
    expect(meter.pace({ done: 2, failed: 1, running: 2, left: 5 })).toEqual({ applied: 6, migrationsPerSecond: 3, etaMs: 4667 });
    expect(meter.elapsedMs).toBe(2_000);
    now += 1_000;
    expect(meter.pace({ done: 10, failed: 0, running: 0, left: 0 })).toEqual({ applied: 6, migrationsPerSecond: 2, etaMs: 0 });
  });

  it('a clock that goes back never gives a negative time', () => {
    let now = 5_000;
    const meter = new FleetMeter(() => now);
    now = 4_000;
    meter.add(3);
    expect(meter.elapsedMs).toBe(0);
    expect(meter.pace({ done: 1, failed: 0, running: 0, left: 1 })).toEqual({ applied: 3, migrationsPerSecond: 0, etaMs: 0 });
  });

  it('every event of a run carries applied, migrations/s and ETA; the summary its migrations/s (injected clock)', async () => {
    const { urls, names } = memoryFleet(4);
    await withLegacy(urls);
    const targets: FleetTarget[] = urls.map((url, i) => ({ name: names[i] as string, adapterPackage: '@ductape/core/testing', connection: url, secrets: [] }));
    let now = 0;
    const events: FleetEvent[] = [];
    // Each target takes 500 ms on the injected clock: the clock moves when a target starts.
    const onEvent = (e: FleetEvent): void => {
      events.push(e);
      if (e.type === 'target-start') now += 500;
    };
    const o = checkUpOptions({ env: 'prd', migrations: ms, concurrency: 1, onEvent }, 'tenants');
    const summary = await runFleet('tenants', targets, { ...o, migrations: ms }, { fleet: 'tenants', env: 'prd', cwd: process.cwd(), engine: {}, now: () => now });
    const done = events.filter((e) => e.type === 'target-done');
    expect(done.map((e) => e.progress)).toEqual([
      { done: 1, failed: 0, running: 0, left: 3, applied: 3, migrationsPerSecond: 6, etaMs: 1500 },
      { done: 2, failed: 0, running: 0, left: 2, applied: 6, migrationsPerSecond: 6, etaMs: 1000 },
      { done: 3, failed: 0, running: 0, left: 1, applied: 9, migrationsPerSecond: 6, etaMs: 500 },
      { done: 4, failed: 0, running: 0, left: 0, applied: 12, migrationsPerSecond: 6, etaMs: 0 },
    ]);
    expect(events[0]?.progress).toMatchObject({ applied: 0, migrationsPerSecond: 0, etaMs: undefined });
    expect(summary).toMatchObject({ applied: 12, ms: 2000, migrationsPerSecond: 6 });
  });

  it('a failed target counts the migrations it applied before failing', async () => {
    const { urls, names } = memoryFleet(2);
    await withLegacy(urls.slice(1)); // t01 has no legacy table: its third migration fails
    const targets: FleetTarget[] = urls.map((url, i) => ({ name: names[i] as string, adapterPackage: '@ductape/core/testing', connection: url, secrets: [] }));
    let now = 0;
    const events: FleetEvent[] = [];
    const o = checkUpOptions(
      {
        env: 'prd',
        migrations: ms,
        concurrency: 1,
        onEvent: (e: FleetEvent) => {
          events.push(e);
          now += 250;
        },
      },
      'tenants',
    );
    await runFleet('tenants', targets, { ...o, migrations: ms }, { fleet: 'tenants', env: 'prd', cwd: process.cwd(), engine: {}, now: () => now });
    expect(events.find((e) => e.type === 'target-failed')?.progress).toMatchObject({ failed: 1, applied: 2 });
    expect(events.at(-1)?.progress).toMatchObject({ done: 1, failed: 1, applied: 5 });
  });
});

describe("a fleet run reads a target's history once when it has work (issue 20)", () => {
  function countReads(): { reads: () => number; restore: () => void } {
    // A read of the history is a listing, with bodies (list) or without (listRows).
    const proto = Object.getPrototypeOf(new MemoryAdapter().history) as { list: () => Promise<unknown[]>; listRows: () => Promise<unknown[]> };
    const spies = [vi.spyOn(proto, 'list'), vi.spyOn(proto, 'listRows')];
    return {
      reads: () => spies.reduce((n, s) => n + s.mock.calls.length, 0),
      restore: () => {
        for (const s of spies) s.mockRestore();
      },
    };
  }

  it('after a target that had work, the next ones go straight to the lock: one history read each, not two', async () => {
    const { config, urls } = memoryFleet(10);
    await withLegacy(urls);
    const count = countReads();
    try {
      const summary = await new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'prd', migrations: ms, concurrency: 1 });
      expect(summary).toMatchObject({ done: 10, failed: [], applied: 30 });
      // The first target: a read without the lock, then the engine's under it; the other nine: only the engine's.
      expect(count.reads()).toBe(2 + 9);
    } finally {
      count.restore();
    }
  });

  it('an up-to-date re-run still only reads (no lock), and a target found up to date under the lock is reported so', async () => {
    const { config, urls } = memoryFleet(6);
    await withLegacy(urls);
    const db = new DatabaseService({ config, vars: {} });
    // t03 and t04 are already up to date, the others not: t03 is reached after a target that had work.
    const { MigrationEngine } = await import('@ductape/core');
    for (const url of urls.slice(2, 4)) await new MigrationEngine(new MemoryAdapter({ database: await memoryDatabase(url) })).upAll(ms);
    const locksBefore = await Promise.all(urls.map(async (u) => (await memoryDatabase(u)).lockTokens));
    const summary = await db.fleet('tenants').up({ env: 'prd', migrations: ms, concurrency: 1 });
    expect(summary.rows.map((r) => r.state)).toEqual(['applied', 'applied', 'up-to-date', 'up-to-date', 'applied', 'applied']);
    expect(summary).toMatchObject({ done: 4, upToDate: 2, applied: 12 });
    const locksAfter = await Promise.all(urls.map(async (u) => (await memoryDatabase(u)).lockTokens));
    // t04 follows an up-to-date target: read only, no lock.
    expect(locksAfter[3]).toBe(locksBefore[3]);
    const count = countReads();
    try {
      const again = await db.fleet('tenants').up({ env: 'prd', migrations: ms, concurrency: 1 });
      expect(again).toMatchObject({ done: 0, upToDate: 6, applied: 0 });
      expect(count.reads()).toBe(6);
      expect(await Promise.all(urls.map(async (u) => (await memoryDatabase(u)).lockTokens))).toEqual(locksAfter);
    } finally {
      count.restore();
    }
  });
});
