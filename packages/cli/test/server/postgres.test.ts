import { join } from 'node:path';
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunResult, TempProject } from '../support/cli.js';
import { configFor, serverDatabase, withServer } from '../support/pg-server.js';
import { snapshots } from '../support/pglite.js';

const server = requireServer('postgres');

const T1 = '20240701_000000_create_users';
const T2 = '20240702_000000_index_users';

describe.skipIf(!server)('ductape against the PostgreSQL server', () => {
  const db = serverDatabase(server ?? 'postgres://x@localhost/x', 'pg');
  const { url, password } = db;
  const p = new TempProject('pg');
  const outputs: RunResult[] = [];
  const run = async (args: string[]) => {
    const r = await p.run(args, { CLI_TEST_PG_URL: url });
    outputs.push(r);
    return r;
  };

  beforeAll(async () => {
    await db.create();
    p.write('ductape.config.json', configFor({ staging: '${env:CLI_TEST_PG_URL}', dev: `pglite://${join(p.dir, 'dev')}` }));
    p.migration(T1, ".createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255, required: true } })");
    p.migration(T2, ".createIndex('users', 'idx_users_email', ['email'], { unique: true })");
  });

  afterAll(async () => {
    if (server) await db.drop();
  });

  it('plan compiles for the server: the index on an existing table is built CONCURRENTLY, outside the transaction', async () => {
    const r = await run(['plan', '--env', 'staging', '--json']);
    expect(r.code).toBe(0);
    const steps = r.json<{ migrations: { steps: { text: string; outsideTransaction: boolean }[] }[] }>().migrations[1]?.steps ?? [];
    expect(steps[0]).toMatchObject({ outsideTransaction: true });
    expect(steps[0]?.text).toContain('CREATE UNIQUE INDEX CONCURRENTLY "idx_users_email"');
  });

  it('up --to, up, status, history and drift on the server', async () => {
    expect((await run(['status', '--env', 'staging', '--json'])).code).toBe(3);
    const first = await run(['up', '--env', 'staging', '--to', T1, '--json']);
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ ok: true, command: 'up', exitCode: 0, applied: 1, results: [{ tag: T1, outcome: 'applied' }] });
    expect((await run(['status', '--env', 'staging', '--json'])).json()).toMatchObject({
      exitCode: 3,
      applied: 1,
      pending: 1,
      migrations: [
        { tag: T1, state: 'applied' },
        { tag: T2, state: 'pending' },
      ],
    });
    const up = await run(['up', '--env', 'staging', '--json']);
    expect(up.code).toBe(0);
    expect(up.json()).toMatchObject({ applied: 1, results: [{ tag: T2, outcome: 'applied' }] });
    const status = await run(['status', '--env', 'staging', '--json']);
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({ ok: true, command: 'status', exitCode: 0, upToDate: true, applied: 2, pending: 0 });
    const history = await run(['history', '--env', 'staging', '--json']);
    expect(history.code).toBe(0);
    const h = history.json<{ history: { tag: string; status: string; checksum: string }[] }>();
    expect(h.history.map((e) => [e.tag, e.status])).toEqual([
      [T1, 'applied'],
      [T2, 'applied'],
    ]);
    expect(h.history[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    const drift = await run(['drift', '--env', 'staging', '--json']);
    expect(drift.code).toBe(0);
    expect(drift.json()).toMatchObject({ drifts: [], checked: ['users'] });
  });

  it('promote from the server to embedded PGlite reproduces the schema', async () => {
    const r = await run(['promote', '--from', 'staging', '--to', 'dev', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ promoted: 2 });
    const live = await withServer(url, (a) => a.introspect('users'));
    const [embedded] = await snapshots(join(p.dir, 'dev'), ['users']);
    expect(embedded).toEqual(live);
  });

  it('unlock names the session holding the advisory lock and ends it with --yes', async () => {
    await withServer(url, async (a) => {
      const held = await a.lock.tryAcquire({ id: 'stuck', description: 'stuck deploy pid 4242' }, 30_000);
      expect(held.acquired).toBe(true);
      const ask = await run(['unlock', '--env', 'staging']);
      expect(ask.code).toBe(4);
      expect(ask.stdout).toContain('stuck deploy pid 4242');
      const yes = await run(['unlock', '--env', 'staging', '--yes', '--json']);
      expect(yes.code).toBe(0);
      expect(yes.json()).toMatchObject({ locked: true, released: true });
      if (held.acquired) expect(await a.lock.renew(held.handle, 30_000)).toBe(false);
    });
    expect((await run(['unlock', '--env', 'staging', '--json'])).json()).toMatchObject({ locked: false });
  });

  it('down --to and --steps on the server, and the password of the URL never appeared in any output', async () => {
    const to = await run(['down', '--env', 'staging', '--to', T1, '--json']);
    expect(to.code).toBe(0);
    expect(to.json()).toMatchObject({ ok: true, command: 'down', rolledBack: 1, results: [{ tag: T2, outcome: 'rolled_back' }] });
    expect(await withServer(url, (a) => a.query("SELECT 1 FROM pg_indexes WHERE indexname = 'idx_users_email'"))).toEqual([]);
    const d = await run(['down', '--env', 'staging', '--steps', '1', '--json']);
    expect(d.code).toBe(0);
    expect(d.json()).toMatchObject({ rolledBack: 1, results: [{ tag: T1, outcome: 'rolled_back' }] });
    expect(await withServer(url, (a) => a.introspect('users'))).toBeUndefined();
    expect((await run(['status', '--env', 'staging', '--json'])).json()).toMatchObject({ applied: 0, pending: 2 });
    expect(password.length).toBeGreaterThan(0);
    for (const r of outputs) expect(r.stdout + r.stderr).not.toContain(password);
  });
});
