import { InvalidArgumentError } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { DatabaseService } from '../../src/index.js';
import { memoryFleet, tenantMigrations, withLegacy } from '../support/fleet.js';

// Issue 20 (drift --fleet): fleet.inspect runs a read-only check per target, all or a sample.
const ms = tenantMigrations();

describe('fleet.inspect()', () => {
  it('runs the check on every target with its adapter, in fleet order; a throwing check is that target’s error row', async () => {
    const { config, urls, names } = memoryFleet(6);
    await withLegacy(urls);
    const db = new DatabaseService({ config, vars: {} });
    await db.fleet('tenants').up({ env: 'prd', migrations: ms.slice(0, 1) });
    const r = await db.fleet('tenants').inspect({ env: 'prd', concurrency: 2 }, async (adapter, t) => {
      if (t.name === 't03') throw new Error('no access for postgres://u:hunter2@h/x');
      return (await adapter.introspect('users'))?.fields.map((f) => f.name);
    });
    expect(r).toMatchObject({ fleet: 'tenants', env: 'prd', targets: 6, sampled: false });
    expect(r.rows.map((row) => row.target)).toEqual(names);
    expect(r.rows[0]).toEqual({ target: 't01', value: ['id', 'email'] });
    expect(r.rows[2]).toMatchObject({ target: 't03', error: { code: 'DUCTAPE_UNEXPECTED' } });
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });

  it('sample: N targets at random, in fleet order, marked sampled', async () => {
    const { config, names } = memoryFleet(10);
    const db = new DatabaseService({ config, vars: {} });
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const r = await db.fleet('tenants').inspect({ env: 'prd', sample: 3 }, async () => 1);
      expect(r).toMatchObject({ targets: 10, sampled: true });
      expect(r.rows).toHaveLength(3);
      const got = r.rows.map((row) => row.target);
      expect(got).toEqual(names.filter((n) => got.includes(n)));
      for (const n of got) seen.add(n);
    }
    expect(seen.size).toBeGreaterThan(3); // not always the same three
    expect((await db.fleet('tenants').inspect({ env: 'prd', sample: 50 }, async () => 1)).sampled).toBe(false);
  });

  it('checks its options and the check before any IO', async () => {
    const db = new DatabaseService({ config: memoryFleet(1).config, vars: {} });
    for (const [options, check] of [
      [{ env: 'prd', sample: 0 }, async () => 1],
      [{ env: 'prd', concurrency: 1.5 }, async () => 1],
      [{ env: '' }, async () => 1],
      [{ env: 'prd' }, 'drift'],
    ] as const)
      await expect(db.fleet('tenants').inspect(options as never, check as never)).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
