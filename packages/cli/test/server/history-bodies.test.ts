import { randomBytes } from 'node:crypto';
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { configFor, serverDatabase, withServer } from '../support/pg-server.js';

const server = requireServer('postgres');

const T1 = '20240801_000000_rows_users';
const T2 = '20240802_000000_rows_orders';
// Every column but the body (`warnings`, recorded with the steps, is part of the row).
const ROW_COLUMNS = 'id, name, tag, checksum, status, direction, applied_at, started_at, execution_ms, steps_applied, steps_total, error, applied_by, warnings';

// Issue 22: status, a no-op up and history list the history without the migration bodies. Made
// observable by the server itself: a role that may read every history column but `migration`
// runs them; reading a body would be "permission denied for column migration".
describe.skipIf(!server)('status, no-op up and history read no migration body (PostgreSQL server)', () => {
  const db = serverDatabase(server ?? 'postgres://x@localhost/x', 'rows');
  const role = `ductape_cli_rows_${randomBytes(4).toString('hex')}`;
  const restricted = new URL(db.url);
  restricted.username = role;
  const p = new TempProject('history-bodies');
  const run = (args: string[], url = db.url) => p.run([...args, '--env', 'staging', '--json'], { CLI_TEST_PG_URL: url });

  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', configFor({ staging: '${env:CLI_TEST_PG_URL}' }));
    p.migration(T1, ".createCollection('rows_users', { id: { type: 'integer', primaryKey: true } })");
    p.migration(T2, ".createCollection('rows_orders', { id: { type: 'integer', primaryKey: true } })");
    const up = await run(['up']);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    await withServer(server as string, (a) => a.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${db.password}'`));
    await withServer(db.url, async (a) => {
      await a.query(`GRANT USAGE ON SCHEMA public TO "${role}"`);
      await a.query(`GRANT SELECT (${ROW_COLUMNS}) ON public._ductape_migrations TO "${role}"`);
    });
  });

  afterAll(async () => {
    if (!server) return;
    await db.drop();
    await withServer(server, (a) => a.query(`DROP ROLE IF EXISTS "${role}"`));
  });

  it('the role cannot read a body (the check is real)', async () => {
    const r = await run(['down', '--steps', '1', '--yes'], restricted.toString());
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('permission denied for table _ductape_migrations'); // down reads the body it runs
  });

  it('status: up to date, every migration applied', async () => {
    const r = await run(['status'], restricted.toString());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ upToDate: true, applied: 2, pending: 0 });
  });

  it('up with nothing pending: nothing applied', async () => {
    const r = await run(['up'], restricted.toString());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ applied: 0 });
  });

  it('history: both rows', async () => {
    const r = await run(['history'], restricted.toString());
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.json<{ history: { tag: string }[] }>().history.map((h) => h.tag)).toEqual([T1, T2]);
  });
});
