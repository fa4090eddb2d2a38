import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createAdapter } from '@ductape/adapter-postgres';
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunResult, TempProject } from '../support/cli.js';
import { snapshots } from '../support/pglite.js';

const server = requireServer('postgres');

type Queryable = { query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> };

async function withServer<T>(url: string, fn: (a: Awaited<ReturnType<typeof createAdapter>> & Queryable) => Promise<T>): Promise<T> {
  const a = (await createAdapter({ connection: url, product: 'test', database: 'test', env: 'test' })) as Awaited<ReturnType<typeof createAdapter>> & Queryable;
  await a.connect();
  try {
    return await fn(a);
  } finally {
    await a.close();
  }
}

const T1 = '20240701_000000_create_users';
const T2 = '20240702_000000_index_users';

describe.skipIf(!server)('ductape against the PostgreSQL server', () => {
  const name = `ductape_cli_${randomBytes(4).toString('hex')}`;
  const url = (() => {
    const u = new URL(server ?? 'postgres://x@localhost/x');
    u.pathname = `/${name}`;
    // A password in the URL (the test server trusts local connections, so any one works).
    if (!u.password) u.password = 'cli-S3cret-pw';
    return u.toString();
  })();
  const password = new URL(url).password;
  const p = new TempProject('pg');
  const outputs: RunResult[] = [];
  const run = async (args: string[]) => {
    const r = await p.run(args, { CLI_TEST_PG_URL: url });
    outputs.push(r);
    return r;
  };

  beforeAll(async () => {
    await withServer(server as string, (a) => a.query(`CREATE DATABASE "${name}"`));
    p.write('ductape.config.json', JSON.stringify({ products: { shop: { databases: { main: { environments: { staging: '${env:CLI_TEST_PG_URL}', dev: `pglite://${join(p.dir, 'dev')}` } } } } } }));
    p.migration(T1, ".createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255, required: true } })");
    p.migration(T2, ".createIndex('users', 'idx_users_email', ['email'], { unique: true })");
  });

  afterAll(async () => {
    if (server) await withServer(server, (a) => a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });

  it('plan compiles for the server: the index on an existing table is built CONCURRENTLY, outside the transaction', async () => {
    const r = await run(['plan', '--env', 'staging', '--json']);
    expect(r.code).toBe(0);
    const steps = r.json<{ migrations: { steps: { text: string; outsideTransaction: boolean }[] }[] }>().migrations[1]?.steps ?? [];
    expect(steps[0]).toMatchObject({ outsideTransaction: true });
    expect(steps[0]?.text).toContain('CREATE UNIQUE INDEX CONCURRENTLY "idx_users_email"');
  });

  it('up, status, history, drift and down on the server', async () => {
    expect((await run(['status', '--env', 'staging', '--json'])).code).toBe(3);
    const up = await run(['up', '--env', 'staging', '--json']);
    expect(up.code).toBe(0);
    expect(up.json()).toMatchObject({ applied: 2 });
    expect((await run(['status', '--env', 'staging', '--json'])).json()).toMatchObject({ upToDate: true, applied: 2 });
    const h = (await run(['history', '--env', 'staging', '--json'])).json<{ history: { tag: string; stepsTotal: number }[] }>();
    expect(h.history.map((e) => e.tag)).toEqual([T1, T2]);
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

  it('down on the server, and the password of the URL never appeared in any output', async () => {
    const d = await run(['down', '--env', 'staging', '--steps', '2', '--json']);
    expect(d.code).toBe(0);
    expect(d.json()).toMatchObject({ rolledBack: 2 });
    expect(password.length).toBeGreaterThan(0);
    for (const r of outputs) expect(r.stdout + r.stderr).not.toContain(password);
  });
});
