import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { withPglite } from '../support/pglite.js';

// Issue 20: `ductape drift --fleet` on PGlite targets (one data directory each), grouped by
// identical findings, exit codes as `drift` (3 drift, 1 a target not checked, 0 clean).
const TENANTS = ['tenant_a', 'tenant_b', 'tenant_c'];
const target = (name: string) => ({ url: `pglite://.ductape/fleet/${name}`, name });
const CONFIG = {
  products: {},
  fleets: {
    tenants: {
      environments: {
        dev: { targets: TENANTS.map(target) },
        // tenant_x: nothing listens on port 1
        broken: { targets: [target('tenant_a'), { url: 'postgres://ductape@127.0.0.1:1/none', name: 'tenant_x' }] },
      },
    },
  },
};

type DriftDoc = { exitCode: number; targets: number; checked: number; sampled: boolean; groups: { state: string; count: number; targets: string[] }[]; rows: { target: string }[] };

describe('ductape drift --fleet on PGlite targets', () => {
  const p = new TempProject('fleet-drift');
  p.write('ductape.config.json', JSON.stringify(CONFIG));
  p.migration('20240101_000000_users', ".createCollection('users', { id: { type: 'integer', primaryKey: true }, name: 'string' })");

  it('a clean fleet: every target without drift, exit 0', async () => {
    expect((await p.run(['up', '--fleet', 'tenants'])).code).toBe(0);
    const r = await p.run(['drift', '--fleet', 'tenants']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['fleet tenants (env dev): drift on 3 of 3 targets', '✓ 3 targets without drift', '3 without drift, 0 with drift']);
  });

  it('targets with the same difference are one group, listed once (exit 3); --json has the groups and a row per target', async () => {
    for (const t of ['tenant_b', 'tenant_c']) await withPglite(join(p.dir, '.ductape', 'fleet', t), (a) => a.query('ALTER TABLE users ADD COLUMN nick text'));
    const r = await p.run(['drift', '--fleet', 'tenants']);
    expect(r.code, r.stderr).toBe(3);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 3)).toEqual(['fleet tenants (env dev): drift on 3 of 3 targets', '✓ 1 target without drift', '✗ 2 targets with 1 difference: tenant_b, tenant_c']);
    expect(lines[3]).toMatch(/^ {4}extra-field\s+users\.nick/);
    expect(lines.at(-1)).toBe('1 without drift, 2 with drift');
    const doc = (await p.run(['drift', '--fleet', 'tenants', '--json'])).json<DriftDoc>();
    expect(doc).toMatchObject({ exitCode: 3, targets: 3, checked: 3, sampled: false });
    expect(doc.groups.map((g) => [g.state, g.count, g.targets])).toEqual([
      ['clean', 1, ['tenant_a']],
      ['drift', 2, ['tenant_b', 'tenant_c']],
    ]);
    expect(doc.rows.map((row) => row.target)).toEqual(TENANTS);
  });

  it('--sample N checks N targets at random and says so', async () => {
    const doc = (await p.run(['drift', '--fleet', 'tenants', '--sample', '1', '--json'])).json<DriftDoc>();
    expect(doc).toMatchObject({ targets: 3, checked: 1, sampled: true });
    const r = await p.run(['drift', '--fleet', 'tenants', '--sample', '2']);
    expect(r.stdout.split('\n')[0]).toBe('fleet tenants (env dev): drift on 2 of 3 targets (a random sample)');
  });

  it('a target that cannot be read is its own group and makes the exit 1, the others still checked', async () => {
    const r = await p.run(['drift', '--fleet', 'tenants', '--env', 'broken']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('✓ 1 target without drift');
    expect(r.stdout).toMatch(/! 1 target could not be checked: tenant_x \(DUCTAPE_\w+ /);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 without drift, 0 with drift, 1 not checked');
  });

  it.each([
    [['drift', '--sample', '2'], '--sample works with --fleet only'],
    [['drift', '--fleet', 'tenants', '--sample', '0'], '--sample must be a whole number ≥ 1'],
    [['drift', '--fleet', 'tenants', '--product', 'p'], '--product does not go with --fleet'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await p.run(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
