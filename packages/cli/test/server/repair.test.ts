import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';
import { configFor, serverDatabase, withServer } from '../support/pg-server.js';

const server = requireServer('postgres');

const T = '20241001_000000_broken';

describe.skipIf(!server)('repair on the PostgreSQL server', () => {
  const db = serverDatabase(server ?? 'postgres://x@localhost/x', 'repair');
  const p = new TempProject('repair-pg');
  const run = (args: string[]) => p.run([...args, '--env', 'staging'], { CLI_TEST_PG_URL: db.url });

  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', configFor({ staging: '${env:CLI_TEST_PG_URL}' }));
    p.migration(T, ".createCollection('things', { id: 'integer' })\n  .raw('postgresql', 'SELECT 1/0', { down: 'SELECT 1' })");
  });

  afterAll(async () => {
    if (server) await db.drop();
  });

  it('a failed migration: repair asks (exit 4), refuses a bad --mark (exit 2), then marks it rolled back', async () => {
    const up = await run(['up', '--json']);
    expect(up.code).toBe(1);
    expect(up.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_MIGRATION_FAILED' } });
    // Both steps ran in one transaction: nothing of it is left on the server.
    expect(await withServer(db.url, (a) => a.introspect('things'))).toBeUndefined();
    expect((await run(['status', '--json'])).json()).toMatchObject({ exitCode: 3, failed: 1, migrations: [{ tag: T, state: 'failed' }] });

    const ask = await run(['repair', '--mark', 'rolled-back']);
    expect(ask.code).toBe(4);
    expect(ask.stderr).toContain('--yes');
    const bad = await run(['repair', '--mark', 'fixed', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.json()).toMatchObject({ ok: false, exitCode: 2, error: { code: 'DUCTAPE_USAGE' } });

    const rolled = await run(['repair', '--mark', 'rolled-back', '--yes', '--json']);
    expect(rolled.code).toBe(0);
    expect(rolled.json()).toMatchObject({ ok: true, command: 'repair', exitCode: 0, mark: 'rolled-back', migration: { tag: T, name: 'broken' }, before: { status: 'failed', stepsTotal: 2 } });
    expect((await run(['history', '--json'])).json()).toMatchObject({ history: [] });
    expect((await run(['status', '--json'])).json()).toMatchObject({ failed: 0, pending: 1 });
  });

  it('after a manual fix, --mark applied records it applied; a second repair finds nothing (exit 1)', async () => {
    expect((await run(['up'])).code).toBe(1);
    await withServer(db.url, (a) => a.query('CREATE TABLE things (id integer)'));
    const applied = await run(['repair', T, '--mark', 'applied', '--yes', '--json']);
    expect(applied.code).toBe(0);
    expect(applied.json()).toMatchObject({ mark: 'applied', migration: { tag: T }, before: { status: 'failed' } });
    const status = await run(['status', '--json']);
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({ applied: 1, failed: 0, upToDate: true });
    const h = (await run(['history', '--json'])).json<{ history: { status: string; stepsApplied: number; stepsTotal: number }[] }>();
    expect(h.history).toMatchObject([{ status: 'applied', stepsApplied: 2, stepsTotal: 2 }]);
    const none = await run(['repair', '--mark', 'applied', '--yes', '--json']);
    expect(none.code).toBe(1);
    expect(none.json()).toMatchObject({ ok: false, error: { code: 'DUCTAPE_NOT_FAILED' } });
    const unknown = await run(['repair', 'no_such_tag', '--mark', 'applied', '--yes', '--json']);
    expect(unknown.code).toBe(2);
  });
});
