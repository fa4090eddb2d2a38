import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseService, type FleetEvent } from '../../src/index.js';
import { eventLog, memoryDatabase, memoryFleet, tenantMigrations, withLegacy } from '../support/fleet.js';

const ms = tenantMigrations();

/** A fleet of `count` targets where every target but those at `missing` has the legacy table. */
async function fleetWithout(count: number, missing: readonly number[] = []) {
  const f = memoryFleet(count);
  await withLegacy(f.urls.filter((_, i) => !missing.includes(i)));
  return f;
}

describe('db.fleet(name).up()', () => {
  it('migrates 24 targets; a failing one is reported, the others end up to date, and the next up resumes it', async () => {
    const { config, urls, names } = await fleetWithout(24, [6]);
    const db = new DatabaseService({ config, vars: {} });
    const log = eventLog();
    const summary = await db.fleet('tenants').up({ env: 'prd', migrations: ms, onEvent: log.onEvent });
    expect(summary).toMatchObject({ targets: 24, done: 23, upToDate: 0, skipped: [], notStarted: [], applied: 23 * 3 + 2 });
    expect(summary.failed).toEqual([{ target: 't07', code: 'DUCTAPE_MIGRATION_FAILED', message: expect.stringContaining('add_legacy_note') }]);
    expect(log.events.filter((e) => e.type === 'target-failed').map((e) => e.target)).toEqual(['t07']);
    expect(summary.rows.map((r) => r.target)).toEqual(names);

    const status = await db.fleet('tenants').status({ env: 'prd', migrations: ms });
    expect(status.summary).toBe('23 up to date, 1 failed add_legacy_note');
    expect(status.targets[6]).toMatchObject({ target: 't07', applied: 2, pending: 0, failed: 1, failedNames: ['add_legacy_note'] });

    await withLegacy([urls[6] as string]); // the fix: the tenant gets its missing table
    const again = await db.fleet('tenants').up({ env: 'prd', migrations: ms });
    expect(again).toMatchObject({ done: 1, upToDate: 23, failed: [], applied: 1 });
    expect((await db.fleet('tenants').status({ env: 'prd', migrations: ms })).summary).toBe('24 up to date');
  });

  it('a re-run on an up-to-date fleet only reads histories: no lock taken, no history row written', async () => {
    const { config, urls } = await fleetWithout(20);
    const db = new DatabaseService({ config, vars: {} });
    await db.fleet('tenants').up({ env: 'prd', migrations: ms });
    const dbs = await Promise.all(urls.map(memoryDatabase));
    const before = dbs.map((d) => ({ tokens: d.lockTokens, history: JSON.stringify(d.state.history) }));
    const again = await db.fleet('tenants').up({ env: 'prd', migrations: ms });
    expect(again).toMatchObject({ targets: 20, done: 0, upToDate: 20, applied: 0, failed: [] });
    expect(dbs.map((d) => ({ tokens: d.lockTokens, history: JSON.stringify(d.state.history) }))).toEqual(before);
  });

  it('canary: a failure among the first K stops the run before the others start', async () => {
    const { config, urls, names } = await fleetWithout(20, [1]);
    const log = eventLog();
    const summary = await new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'prd', migrations: ms, canary: 3, onEvent: log.onEvent });
    expect(summary.stoppedBy).toBe('canary');
    expect(summary.failed.map((f) => f.target)).toEqual(['t02']);
    expect(summary.done).toBe(2);
    expect(summary.notStarted).toEqual(names.slice(3));
    expect(log.events.filter((e) => e.type === 'target-start').map((e) => e.target)).toEqual(names.slice(0, 3));
    // The targets never started were not touched.
    expect((await memoryDatabase(urls[10] as string)).state.history.map((e) => e.name)).toEqual(['legacy_table']);
  });

  it('canary: when the first K succeed, the rest run', async () => {
    const { config } = await fleetWithout(20);
    const summary = await new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'prd', migrations: ms, canary: 3 });
    expect(summary).toMatchObject({ done: 20, failed: [], notStarted: [] });
    expect(summary.stoppedBy).toBeUndefined();
  });

  it('maxFailures: no target starts once that many failed; below it, failures never stop the others', async () => {
    const { config, names } = await fleetWithout(20, [4, 9, 14]);
    const fleet = new DatabaseService({ config, vars: {} }).fleet('tenants');
    const stopped = await fleet.up({ env: 'prd', migrations: ms, concurrency: 1, maxFailures: 2 });
    expect(stopped.stoppedBy).toBe('max-failures');
    expect(stopped.failed.map((f) => f.target)).toEqual(['t05', 't10']);
    expect(stopped.notStarted).toEqual(names.slice(10));
    const all = await fleet.up({ env: 'prd', migrations: ms, concurrency: 1, maxFailures: 4 });
    expect(all.stoppedBy).toBeUndefined();
    expect(all.failed.map((f) => f.target)).toEqual(['t05', 't10', 't15']);
    expect(all.notStarted).toEqual([]);
  });

  it('never runs more than `concurrency` targets at once', async () => {
    for (const concurrency of [1, 3, 7]) {
      const log = eventLog();
      const { config: c } = await fleetWithout(24);
      const summary = await new DatabaseService({ config: c, vars: {} }).fleet('tenants').up({ env: 'prd', migrations: ms, concurrency, onEvent: log.onEvent });
      expect(summary.done).toBe(24);
      expect(log.maxRunning()).toBe(concurrency);
      expect(Math.max(...log.events.map((e) => e.progress.running))).toBeLessThanOrEqual(concurrency);
    }
  });

  it('skips a target whose lock another runner holds and retries it at the end', async () => {
    const { config, urls } = await fleetWithout(20);
    const held = await memoryDatabase(urls[2] as string);
    const { MemoryAdapter } = await import('@ductape/core/testing');
    const other = new MemoryAdapter({ database: held });
    const lock = await other.lock.tryAcquire({ id: 'other-runner', description: 'another runner' }, 60_000);
    if (!lock.acquired) throw new Error('test setup: lock not taken');
    const log = eventLog();
    const summary = await new DatabaseService({ config, vars: {} }).fleet('tenants').up({
      env: 'prd',
      migrations: ms,
      onEvent: (e) => {
        log.onEvent(e);
        if (e.type === 'target-skipped-locked' && !e.retry) void other.lock.release(lock.handle); // the other runner finishes
      },
    });
    expect(summary).toMatchObject({ done: 20, failed: [], skipped: [] });
    const t03 = log.events.filter((e) => e.target === 't03').map((e) => `${e.type}${'retry' in e && e.retry ? ' (retry)' : ''}`);
    expect(t03).toEqual(['target-start', 'target-skipped-locked', 'target-start (retry)', 'target-done']);
    // Retried after every other target was started.
    const starts = log.events.filter((e) => e.type === 'target-start');
    expect(starts[starts.length - 1]?.target).toBe('t03');
    expect(log.events.find((e) => e.type === 'target-skipped-locked')).toMatchObject({ heldBy: expect.stringContaining('another runner') });
  });

  it('leaves a target to the runner that keeps its lock past the retry, as skipped', async () => {
    const { config, urls } = await fleetWithout(20);
    const { MemoryAdapter } = await import('@ductape/core/testing');
    const other = new MemoryAdapter({ database: await memoryDatabase(urls[5] as string) });
    expect((await other.lock.tryAcquire({ id: 'other-runner', description: 'another runner' }, 60_000)).acquired).toBe(true);
    const summary = await new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'prd', migrations: ms, lockTimeoutMs: 50 });
    expect(summary).toMatchObject({ done: 19, failed: [], skipped: ['t06'] });
    expect(summary.rows[5]).toMatchObject({ state: 'skipped-locked', code: 'DUCTAPE_LOCK_TIMEOUT' });
  });

  it('keeps passwords out of events, failures, the summary and status', async () => {
    const secret = 'hunter2-Sup3r';
    const config = {
      products: {},
      fleets: { tenants: { environments: { prd: { targets: [`postgres://app:${secret}@127.0.0.1:1/tenant_db`, 'postgres://app:${env:PW}@127.0.0.1:1/other'] } } } },
    };
    const events: unknown[] = [];
    const db = new DatabaseService({ config, vars: { PW: secret } });
    const summary = await db.fleet('tenants').up({ env: 'prd', migrations: ms, onEvent: (e) => events.push(e) });
    expect(summary.failed.map((f) => f.target)).toEqual(['postgres://127.0.0.1:1/tenant_db', 'postgres://127.0.0.1:1/other']);
    const status = await db.fleet('tenants').status({ env: 'prd', migrations: ms });
    expect(status.groups).toMatchObject([{ state: 'unreachable', count: 2 }]);
    const text = JSON.stringify({ events, summary, status });
    expect(text).not.toContain(secret);
    expect(text).not.toContain('app:');
  });

  it('keeps passwords out of what it reports even when an adapter error repeats its connection string', async () => {
    const secret = 'hunter2-Sup3r';
    const adapter = pathToFileURL(join(import.meta.dirname, '../support/leaky-adapter.mjs')).href;
    const config = { products: {}, fleets: { tenants: { adapter, environments: { prd: { targets: ['leaky://app:${env:PW}@db.internal/t1'] } } } } };
    const events: FleetEvent[] = [];
    const summary = await new DatabaseService({ config, vars: { PW: secret } }).fleet('tenants').up({ env: 'prd', migrations: ms, onEvent: (e) => events.push(e) });
    expect(summary.failed).toEqual([{ target: 'leaky://db.internal/t1', code: 'DUCTAPE_UNEXPECTED', message: 'cannot reach leaky://db.internal/t1 (password ***)' }]);
    expect(JSON.stringify({ events, summary })).not.toContain(secret);
  });
});
