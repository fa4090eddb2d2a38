import type { FleetSummary } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';

// Issue 20: `up --fleet --shard i/n` on PGlite targets: a hint, this machine's shard first, and
// every target still migrated by the one runner (a dead machine's shard is not orphaned).
const TENANTS = ['tenant_a', 'tenant_b', 'tenant_c', 'tenant_d'];
const CONFIG = {
  products: {},
  fleets: { tenants: { environments: { dev: { targets: TENANTS.map((name) => ({ url: `pglite://.ductape/fleet/${name}`, name })) } } } },
};

describe('ductape up --fleet --shard i/n', () => {
  const p = new TempProject('fleet-shard');
  p.write('ductape.config.json', JSON.stringify(CONFIG));
  p.migration('20240101_000000_users', ".createCollection('users', { id: { type: 'integer', primaryKey: true }, name: 'string' })");

  it('says its shard, migrates every target (its own and the rest), and reports its share in --json', async () => {
    const r = await p.run(['up', '--fleet', 'tenants', '--shard', '2/3']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('fleet tenants (env dev): 1 migration, shard 2/3 first');
    for (const t of TENANTS) expect(r.stdout).toContain(`✓ ${t}  1 applied`);
    const doc = (await p.run(['up', '--fleet', 'tenants', '--shard', '1/3', '--json'])).json<FleetSummary & { exitCode: number }>();
    expect(doc).toMatchObject({ exitCode: 0, targets: 4, upToDate: 4, shard: { index: 1, count: 3, own: expect.any(Number) } });
  });

  it.each([
    [['up', '--fleet', 'tenants', '--shard', '0/2'], '--shard must be i/n with 1 ≤ i ≤ n'],
    [['up', '--fleet', 'tenants', '--shard', '3/2'], '--shard must be i/n with 1 ≤ i ≤ n'],
    [['up', '--fleet', 'tenants', '--shard', 'half'], 'got "half"'],
    [['up', '--shard', '1/2'], '--shard works with --fleet only'],
    [['status', '--fleet', 'tenants', '--shard', '1/2'], 'unknown flag --shard'],
  ])('%j is a usage error before anything is read (exit 2)', async (args, message) => {
    const r = await p.run(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
