import { join } from 'node:path';
import type { FleetStatus, FleetSummary } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { colors } from '../../src/cli/colors.js';
import { duration, fleetEventLine, fleetProgressLine, fleetStatusTable, fleetSummaryLine } from '../../src/cli/fleet-lines.js';
import { TempProject } from '../support/cli.js';
import { withPglite } from '../support/pglite.js';

// A fleet of embedded PostgreSQL databases (one PGlite data directory per target), so several
// targets run at once. tenant_b already has the table the second migration creates: it fails there.
const TENANTS = ['tenant_a', 'tenant_b', 'tenant_c'];
const PRD = ['p_1', 'p_2'];
const target = (name: string) => ({ url: `pglite://.ductape/fleet/${name}`, name });
const CONFIG = {
  products: { shop: { databases: { main: { environments: { dev: 'pglite://.ductape/dev' } } } } },
  fleets: { tenants: { environments: { dev: { targets: TENANTS.map(target) }, prd: { targets: PRD.map(target) } } } },
};
const T1 = '20240101_000000_users';
const T2 = '20240102_000000_blocker';

type UpDoc = FleetSummary & { ok: boolean; command: string; exitCode: number };
type StatusDoc = FleetStatus & { ok: boolean; exitCode: number; upToDate: boolean };

describe('ductape up --fleet / status --fleet on PGlite targets', () => {
  const p = new TempProject('fleet');
  p.write('ductape.config.json', JSON.stringify(CONFIG));
  p.migration(T1, ".createCollection('users', { id: { type: 'integer', primaryKey: true }, name: 'string' })");
  p.migration(T2, ".raw('postgresql', 'CREATE TABLE blocker (id integer)', { down: 'DROP TABLE blocker' })");
  const tenantB = join(p.dir, '.ductape', 'fleet', 'tenant_b');

  it('one line per target, the summary line, exit 1 when a target failed; the others are migrated', async () => {
    await withPglite(tenantB, (a) => a.query('CREATE TABLE blocker (id integer)'));
    const r = await p.run(['up', '--fleet', 'tenants', '--concurrency', '3']);
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('fleet tenants (env dev): 2 migrations');
    expect(lines).toContain('✓ tenant_a  2 applied');
    expect(lines).toContain('✓ tenant_c  2 applied');
    expect(lines.find((l) => l.startsWith('✗ tenant_b  '))).toMatch(/^✗ tenant_b {2}DUCTAPE_\w+ .*blocker/);
    expect(lines.at(-1)).toBe('3 targets: 2 done, 0 up to date, 1 failed (tenant_b)');
  });

  it('--json: the sdk summary as one document, one row per target', async () => {
    const r = await p.run(['up', '--fleet', 'tenants', '--json']);
    expect(r.code).toBe(1);
    const doc = r.json<UpDoc>();
    expect(doc).toMatchObject({
      ok: true,
      command: 'up',
      exitCode: 1,
      fleet: 'tenants',
      env: 'dev',
      targets: 3,
      done: 0,
      upToDate: 2,
      skipped: [],
      notStarted: [],
      applied: 0,
      migrationsPerSecond: 0,
    });
    expect(doc.failed).toEqual([{ target: 'tenant_b', code: expect.stringMatching(/^DUCTAPE_/), message: expect.stringContaining('blocker') }]);
    expect(doc.rows.map((row) => [row.target, row.state])).toEqual([
      ['tenant_a', 'up-to-date'],
      ['tenant_b', 'failed'],
      ['tenant_c', 'up-to-date'],
    ]);
  });

  it('status --fleet: grouped summary and targets × applied/pending/failed (exit 3), JSON too', async () => {
    const r = await p.run(['status', '--fleet', 'tenants']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('fleet tenants (env dev): 3 targets, 2 migrations');
    expect(r.stdout).toMatch(/target\s+applied\s+pending\s+failed/);
    expect(r.stdout).toMatch(/tenant_a\s+2\s+0\s+0\n/);
    expect(r.stdout).toMatch(/tenant_b\s+1\s+0\s+1\s+failed blocker/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('2 up to date, 1 failed blocker');
    const doc = (await p.run(['status', '--fleet', 'tenants', '--json'])).json<StatusDoc>();
    expect(doc).toMatchObject({ ok: true, exitCode: 3, upToDate: false, fleet: 'tenants', summary: '2 up to date, 1 failed blocker' });
    expect(doc.targets.find((t) => t.target === 'tenant_b')).toMatchObject({ applied: 1, pending: 0, failed: 1, failedNames: ['blocker'] });
  });

  it('the failed target is resumed by the next up --fleet once fixed; status is then clean (exit 0)', async () => {
    await withPglite(tenantB, (a) => a.query('DROP TABLE blocker'));
    const r = await p.run(['up', '--fleet', 'tenants']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('✓ tenant_b  1 applied');
    expect(r.stdout).toContain('✓ tenant_a  up to date');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('3 targets: 1 done, 2 up to date');
    const s = await p.run(['status', '--fleet', 'tenants']);
    expect(s.code).toBe(0);
    expect(s.stdout.trim().split('\n').at(-1)).toBe('3 up to date');
  });

  it('production guard: on prd a pending raw step needs --yes (exit 4, nothing changed); once applied everywhere, none is asked', async () => {
    const refused = await p.run(['up', '--fleet', 'tenants', '--env', 'prd']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('up --fleet tenants on env "prd" would run 1 destructive operation');
    expect(refused.stderr).toContain('pass --yes');
    const before = (await p.run(['status', '--fleet', 'tenants', '--env', 'prd', '--json'])).json<StatusDoc>();
    expect(before.targets.map((t) => t.applied)).toEqual([0, 0]);
    const yes = await p.run(['up', '--fleet', 'tenants', '--env', 'prd', '--yes', '--json']);
    expect(yes.json<UpDoc>()).toMatchObject({ exitCode: 0, done: 2, applied: 4 });
    const again = await p.run(['up', '--fleet', 'tenants', '--env', 'prd']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('2 targets: 0 done, 2 up to date');
  });

  it('an unknown fleet or environment is a config error saying what exists (exit 1)', async () => {
    const r = await p.run(['up', '--fleet', 'tenant']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has no fleets.tenant (did you mean "tenants"?)');
    const doc = (await p.run(['status', '--fleet', 'tenant', '--json'])).json<{ ok: boolean; error: { code: string; hint: string } }>();
    expect(doc).toMatchObject({ ok: false, error: { code: 'DUCTAPE_CONFIG', hint: expect.stringContaining('"tenants"') } });
    const env = await p.run(['up', '--fleet', 'tenants', '--env', 'staging']);
    expect(env.code).toBe(1);
    expect(env.stderr).toContain('has no fleets.tenants.environments.staging');
  });
});

describe('fleet flags are checked before anything is read (exit 2)', () => {
  // No config and no migrations directory: any IO would fail differently.
  const p = new TempProject('fleet-flags');

  it.each([
    [['up', '--fleet', 'tenants', '--concurrency', '0'], '--concurrency must be a whole number ≥ 1, got "0"'],
    [['up', '--fleet', 'tenants', '--concurrency', 'many'], '--concurrency must be a whole number ≥ 1'],
    [['up', '--fleet', 'tenants', '--canary=-1'], '--canary must be a whole number ≥ 0'],
    [['up', '--fleet', 'tenants', '--max-failures', '1.5'], '--max-failures must be a whole number ≥ 1'],
    [['up', '--concurrency', '4'], '--concurrency works with --fleet only'],
    [['status', '--concurrency', '4'], '--concurrency works with --fleet only'],
    [['up', '--fleet', 'tenants', '--recover', 'compensate'], '--recover does not go with --fleet'],
    [['up', '--fleet', 'tenants', '--database', 'main'], '--database does not go with --fleet'],
    [['status', '--fleet', 'tenants', '--canary', '1'], 'unknown flag --canary'],
    [['up', '--fleet', ''], '--fleet needs the name of a fleet'],
  ])('%j', async (args, message) => {
    const r = await p.run(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    const json = (await p.run([...args, '--json'])).json<{ ok: boolean; error: { code: string } }>();
    expect(json).toMatchObject({ ok: false, error: { code: 'DUCTAPE_USAGE' } });
  });
});

describe('the lines of up --fleet', () => {
  const c = colors(false);
  const progress = { done: 1, failed: 0, running: 0, left: 0, applied: 2, migrationsPerSecond: 4, etaMs: 0 };

  it('one line per event, none for a start', () => {
    expect(fleetEventLine({ type: 'target-start', target: 't', retry: false, progress }, c)).toBeUndefined();
    expect(fleetEventLine({ type: 'target-done', target: 'tenant_a', applied: 2, upToDate: false, ms: 3, progress }, c)).toBe('✓ tenant_a  2 applied');
    expect(fleetEventLine({ type: 'target-failed', target: 'tenant_b', code: 'DUCTAPE_MIGRATION_FAILED', message: 'boom', ms: 3, progress }, c)).toBe('✗ tenant_b  DUCTAPE_MIGRATION_FAILED boom');
    expect(fleetEventLine({ type: 'target-skipped-locked', target: 'tenant_d', retry: false, progress }, c)).toBe('… tenant_d  skipped (locked; retried at the end)');
  });

  it('the live line: targets done/failed/running/left, migrations applied, migrations/s and ETA', () => {
    expect(fleetProgressLine({ done: 9, failed: 1, running: 4, left: 10, applied: 27, migrationsPerSecond: 3.25, etaMs: 80_000 }, 24)).toBe(
      '10/24 targets  9 done, 1 failed, 4 running, 10 left  27 applied, 3.3 migrations/s, ETA 1m 20s',
    );
    expect(fleetProgressLine({ done: 0, failed: 0, running: 4, left: 20, applied: 0, migrationsPerSecond: 0, etaMs: undefined }, 24)).toBe(
      '0/24 targets  0 done, 0 failed, 4 running, 20 left  0 applied, 0.0 migrations/s',
    );
    expect([duration(0), duration(1), duration(45_000), duration(61_000), duration(7_500_000)]).toEqual(['0s', '1s', '45s', '1m 01s', '2h 05m']);
  });

  it('the summary line counts every state and names the failed targets', () => {
    const summary = (over: Partial<FleetSummary>): FleetSummary => ({
      fleet: 'f',
      env: 'dev',
      targets: 24,
      done: 22,
      upToDate: 1,
      failed: [{ target: 'tenant_b', code: 'X', message: 'm' }],
      skipped: [],
      notStarted: [],
      applied: 44,
      migrationsPerSecond: 44_000,
      ms: 1,
      rows: [],
      ...over,
    });
    expect(fleetSummaryLine(summary({}))).toBe('24 targets: 22 done, 1 up to date, 1 failed (tenant_b)');
    expect(fleetSummaryLine(summary({ done: 0, upToDate: 0, skipped: ['a'], notStarted: ['b', 'c'], stoppedBy: 'canary' }))).toBe(
      '24 targets: 0 done, 0 up to date, 1 failed (tenant_b), 1 skipped, locked by another runner (a), 2 not started (stopped by the canary)',
    );
    const many = Array.from({ length: 7 }, (_, i) => ({ target: `t${i}`, code: 'X', message: 'm' }));
    expect(fleetSummaryLine(summary({ failed: many }))).toContain('7 failed (t0, t1, t2, t3, t4 +2 more)');
  });

  it('the status table marks unreachable targets', () => {
    const table = fleetStatusTable(
      {
        fleet: 'f',
        env: 'dev',
        groups: [],
        summary: '',
        targets: [{ target: 'x', applied: 0, pending: 0, failed: 0, pendingTags: [], failedNames: [], error: { code: 'DUCTAPE_CONNECTION', message: 'refused' } }],
      },
      c,
    );
    expect(table[1]).toBe('  x             0        0       0  unreachable: DUCTAPE_CONNECTION refused');
  });
});
