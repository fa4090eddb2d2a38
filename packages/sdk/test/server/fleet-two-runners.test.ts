import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFleetRunner } from '../support/fleet-runner-process.js';
import { pgAdmin, pgDatabaseName, pgServer } from '../support/pg-server.js';

// Issue 20: two runner processes started on one fleet (30 tenant schemas on the PostgreSQL server)
// share the work without a coordinator — each target under its own lock, a held one skipped and
// retried at the end — and nothing is applied twice. One tenant lacks the table a migration
// alters: it alone fails, is reported, and is completed by a later run once fixed.
const TENANTS = 30;
const MIGRATIONS = 3;

describe.skipIf(!pgServer)('a fleet of PostgreSQL schemas, two runner processes at once (server)', () => {
  const name = pgDatabaseName('ductape_sdk_fleet');
  const url = Object.assign(new URL(pgServer as string), { pathname: `/${name}` }).toString();
  const schemas = Array.from({ length: TENANTS }, (_, i) => `tenant_${String(i + 1).padStart(2, '0')}`);
  const broken = 'tenant_07';
  let c: pg.Client;

  beforeAll(async () => {
    await pgAdmin(`CREATE DATABASE "${name}"`);
    c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const s of schemas) await c.query(`CREATE SCHEMA ${s}${s === broken ? '' : `; CREATE TABLE ${s}.legacy (id uuid PRIMARY KEY)`}`);
  }, 120_000);
  afterAll(async () => {
    await c?.end();
    await pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  /** Runs a runner process (the built sdk) on the tenant_% schemas, discovered; resolves with its summary. */
  const runner = () =>
    runFleetRunner({ fleet: { adapter: '@ductape/adapter-postgres', environments: { dev: { discover: { schemasLike: 'tenant\\_%', url } } } }, concurrency: 4, lockTimeoutMs: 60_000 });
  const history = async (schema: string) => (await c.query(`SELECT name, status, steps_applied FROM ${schema}._ductape_migrations ORDER BY name`)).rows.map((r) => `${r.name}:${r.status}`);

  it('both runners together apply every migration once on every healthy tenant; the broken one fails alone', async () => {
    const [a, b] = await Promise.all([runner(), runner()]);
    // Nothing twice: the migrations the two runners applied add up to one per healthy tenant and migration.
    expect(a.applied + b.applied).toBe((TENANTS - 1) * MIGRATIONS + (MIGRATIONS - 1));
    expect([...a.skipped, ...b.skipped]).toEqual([]);
    for (const s of schemas) {
      if (s === broken) continue;
      expect(await history(s)).toEqual(['add_legacy_note:applied', 'add_phone:applied', 'create_users:applied']);
      const cols = (await c.query('SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY 1', [s, 'users'])).rows.map((r) => r.column_name);
      expect(cols).toEqual(['email', 'id', 'phone']);
    }
    // The broken tenant is reported by the runner that took it (or both, one after the other), typed, and left resumable.
    expect([...a.failed, ...b.failed].map((f) => f.target)).toContain(broken);
    expect([...a.failed, ...b.failed].every((f) => f.target === broken && f.code.startsWith('DUCTAPE_'))).toBe(true);
    expect(await history(broken)).toEqual(['add_legacy_note:failed', 'add_phone:applied', 'create_users:applied']);

    // Fixed, a later run completes it and does nothing anywhere else.
    await c.query(`CREATE TABLE ${broken}.legacy (id uuid PRIMARY KEY)`);
    const again = await runner();
    expect(again).toMatchObject({ applied: 1, failed: [], skipped: [] });
    expect(await history(broken)).toEqual(['add_legacy_note:applied', 'add_phone:applied', 'create_users:applied']);
    const noop = await runner();
    expect(noop).toMatchObject({ applied: 0, failed: [], upToDate: TENANTS });
  }, 240_000);
});
