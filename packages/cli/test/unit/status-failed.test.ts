import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { withPglite } from '../support/pglite.js';

// Issue 24: a failed migration in history is "not up to date" whether or not a file defines it
// (a file deleted after its run failed, another branch, a failed db.schema.* call).
const USERS = '20240101_000000_users';
const BROKEN = '20240102_000000_broken';

type StatusDoc = {
  exitCode: number;
  upToDate: boolean;
  failed: number;
  failedMigrations: { tag: string; name: string; state: string; file: boolean; error: string | null }[];
  historyOnly: { tag: string; status: string }[];
};

describe('status with a failed migration in history', () => {
  const p = new TempProject('status-failed');
  p.migration(USERS, ".createCollection('users', { id: 'integer' })");
  const broken = p.migration(BROKEN, ".raw('postgresql', 'SELECT 1/0', { down: 'SELECT 1' })");

  it('its file present: exit 3, "1 failed", upToDate false and the failed list', async () => {
    expect((await p.run(['up'])).code).toBe(1);
    const r = await p.run(['status']);
    expect(r.code, r.stdout).toBe(3);
    expect(r.stdout).toMatch(/failed\s+20240102_000000_broken/);
    expect(r.stdout).toContain('2 migrations: 1 applied, 0 pending, 1 failed, 0 changed');
    const doc = (await p.run(['status', '--json'])).json<StatusDoc>();
    expect(doc).toMatchObject({ exitCode: 3, upToDate: false, failed: 1 });
    expect(doc.failedMigrations).toEqual([{ tag: BROKEN, name: 'broken', state: 'failed', file: true, error: expect.stringContaining('division by zero') }]);
  });

  it('its file gone: still exit 3, "1 failed", upToDate false, listed as failed (today: exit 0, upToDate true)', async () => {
    rmSync(broken);
    const r = await p.run(['status']);
    expect(r.code, r.stdout).toBe(3);
    expect(r.stdout).toMatch(/failed\s+20240102_000000_broken\s+\(no file/);
    expect(r.stdout).toContain('1 migration: 1 applied, 0 pending, 1 failed, 0 changed');
    const doc = (await p.run(['status', '--json'])).json<StatusDoc>();
    expect(doc).toMatchObject({ exitCode: 3, upToDate: false, failed: 1, historyOnly: [{ tag: BROKEN, status: 'failed' }] });
    expect(doc.failedMigrations).toEqual([{ tag: BROKEN, name: 'broken', state: 'failed', file: false, error: expect.stringContaining('division by zero') }]);
  });

  it('once the row is resolved (repair), status is up to date again (exit 0)', async () => {
    expect((await p.run(['repair', 'broken', '--mark', 'rolled-back', '--yes'])).code).toBe(0);
    const doc = (await p.run(['status', '--json'])).json<StatusDoc>();
    expect(doc).toMatchObject({ exitCode: 0, upToDate: true, failed: 0, failedMigrations: [] });
  });
});

describe('status --fleet with a failed migration no file defines', () => {
  const p = new TempProject('status-failed-fleet');
  const target = (name: string) => ({ url: `pglite://.ductape/fleet/${name}`, name });
  p.write(
    'ductape.config.json',
    JSON.stringify({
      products: { shop: { databases: { main: { environments: { dev: 'pglite://.ductape/dev' } } } } },
      fleets: { tenants: { environments: { dev: { targets: ['tenant_a', 'tenant_b'].map(target) } } } },
    }),
  );
  p.migration(USERS, ".createCollection('users', { id: 'integer' })");
  const blocker = p.migration('20240102_000000_blocker', ".raw('postgresql', 'CREATE TABLE blocker (id integer)', { down: 'DROP TABLE blocker' })");

  it('the target counts as failed (exit 3), as status on one database does', async () => {
    await withPglite(join(p.dir, '.ductape', 'fleet', 'tenant_b'), (a) => a.query('CREATE TABLE blocker (id integer)'));
    const up = await p.run(['up', '--fleet', 'tenants']);
    expect(up.stdout).toContain('2 targets: 1 done, 0 up to date, 1 failed (tenant_b)');
    rmSync(blocker);
    const r = await p.run(['status', '--fleet', 'tenants']);
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.stdout).toMatch(/tenant_b\s+1\s+0\s+1\s+failed blocker/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 up to date, 1 failed blocker');
    const doc = (await p.run(['status', '--fleet', 'tenants', '--json'])).json<{ upToDate: boolean; targets: { target: string; failed: number; failedNames: string[] }[] }>();
    expect(doc.upToDate).toBe(false);
    expect(doc.targets.find((t) => t.target === 'tenant_b')).toMatchObject({ failed: 1, failedNames: ['blocker'] });
  });
});
