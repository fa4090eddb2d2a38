import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { tenantMigrations } from '../support/fleet.js';
import { watchConnections } from '../support/watch-connections.js';

// Issue 20: a fleet of MySQL-family databases shares one pool of connections per adapter package
// (createConnectionPool), one connection per target for its work, history AND GET_LOCK lock, so
// never more open connections than the concurrency. 16 tenant databases on the MariaDB server,
// concurrency 3, for each of the two MySQL-family adapters: a watcher reads the server's own view
// (information_schema.PROCESSLIST) of the tenant databases throughout the run. Without the pool,
// each target opens its own pool plus a lock connection.
const TENANTS = 16;
const CONCURRENCY = 3;
const serverUrl = requireServer('mariadb') as string | undefined;

type Connection = { query(sql: string, params?: unknown[]): Promise<[unknown, unknown]>; end(): Promise<void> };
const mysql2 = createRequire(new URL('../../../adapter-mysql/package.json', import.meta.url))('mysql2/promise') as { createConnection(url: string): Promise<Connection> };
const url = (db: string, protocol: string) => Object.assign(new URL(serverUrl as string), { protocol, pathname: `/${db}` }).toString();
const rowsOf = async (c: Connection, text: string, params?: unknown[]) => {
  const [rows] = await c.query(text, params);
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
};

describe.skipIf(!serverUrl).each([
  { pkg: 'adapter-mariadb', protocol: 'mariadb:' },
  { pkg: 'adapter-mysql', protocol: 'mysql:' },
])('a fleet of databases with @ductape/$pkg shares at most `concurrency` connections (MariaDB server)', ({ pkg, protocol }) => {
  const adapter = fileURLToPath(new URL(`../../../${pkg}/dist/index.js`, import.meta.url));
  const base = `ductape_sdk_fpool_${randomBytes(3).toString('hex')}`;
  const databases = Array.from({ length: TENANTS }, (_, i) => `${base}_t${String(i + 1).padStart(2, '0')}`);
  let admin: Connection;
  let watcher: Connection;

  beforeAll(async () => {
    admin = await mysql2.createConnection(url('', 'mysql:'));
    for (const d of databases) {
      await admin.query(`CREATE DATABASE \`${d}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.query(`CREATE TABLE \`${d}\`.legacy (id CHAR(36) PRIMARY KEY)`);
    }
    watcher = await mysql2.createConnection(url('', 'mysql:')); // no database: not counted
  }, 120_000);
  afterAll(async () => {
    await watcher?.end();
    if (!admin) return;
    for (const d of databases) await admin.query(`DROP DATABASE IF EXISTS \`${d}\``);
    await admin.end();
  });

  /** Runs `fn` while reading the server's connections on the tenant databases back to back (their ids). */
  const watched = <T>(fn: () => Promise<T>) =>
    watchConnections(async () => (await rowsOf(watcher, 'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB LIKE ?', [`${base}\\_%`])).map((r) => Number(r.id)), fn);

  it(`migrates ${TENANTS} databases with no more open connections than the concurrency, each reused across databases`, async () => {
    const config: DuctapeConfig = { products: {}, fleets: { tenants: { adapter, environments: { dev: { targets: databases.map((d) => ({ url: url(d, protocol), name: d })) } } } } };
    const db = new DatabaseService({ config, vars: {} });
    const run = await watched(() => db.fleet('tenants').up({ env: 'dev', migrations: tenantMigrations(), concurrency: CONCURRENCY }));
    expect(run.result).toMatchObject({ targets: TENANTS, done: TENANTS, failed: [], skipped: [], applied: TENANTS * 3 });
    expect(run.reads).toBeGreaterThan(TENANTS); // the watcher saw the run, not just its end
    expect(run.most).toBeGreaterThan(0);
    expect(run.most).toBeLessThanOrEqual(CONCURRENCY);
    // Connections are reused from one database to the next: never more distinct ones than the concurrency.
    expect(run.seen.size).toBeLessThanOrEqual(CONCURRENCY);
    // Nothing left open after the run, and every lock released.
    expect(await rowsOf(watcher, 'SELECT ID FROM information_schema.PROCESSLIST WHERE DB LIKE ?', [`${base}\\_%`])).toEqual([]);
    for (const d of databases) {
      expect((await rowsOf(admin, `SELECT name, status FROM \`${d}\`._ductape_migrations ORDER BY name`)).map((r) => `${r.name}:${r.status}`)).toEqual([
        'add_legacy_note:applied',
        'add_phone:applied',
        'create_users:applied',
      ]);
      expect(await rowsOf(admin, 'SELECT IS_USED_LOCK(?) AS id', [`ductape_migrations.${d}`])).toEqual([{ id: null }]);
    }
    // A re-run on the done fleet changes nothing and reads every history.
    expect(await db.fleet('tenants').up({ env: 'dev', migrations: tenantMigrations(), concurrency: CONCURRENCY })).toMatchObject({ done: 0, upToDate: TENANTS, failed: [] });
  }, 240_000);

  it('a connection given back holds no lock, no session setting and no variable of the target before it, and serves the next database', async () => {
    const mod = (await import(adapter)) as { createAdapter: (t: object) => unknown; createConnectionPool: (o: { max: number }) => { open: number; close(): Promise<void> } };
    const pool = mod.createConnectionPool({ max: 1 });
    type A = {
      connect(): Promise<void>;
      close(): Promise<void>;
      withSession<T>(m: 'autocommit', fn: (s: { connection: { query(t: string): Promise<Record<string, unknown>[]> } }) => Promise<T>): Promise<T>;
    };
    const make = (d: string) => mod.createAdapter({ connection: url(d, protocol), product: 'p', database: d, env: 'dev', pool }) as A;
    const run = (a: A, text: string) => a.withSession('autocommit', (s) => s.connection.query(text));
    const a = make(databases[0] as string);
    await a.connect();
    const [first] = await run(a, "SELECT CONNECTION_ID() AS id, GET_LOCK('ductape_test_lock', 0) AS got");
    await run(a, 'SET SESSION foreign_key_checks = 0');
    await run(a, "SET @tenant = 'one'");
    await run(a, "SET SESSION time_zone = '+05:00'");
    await a.close();
    const b = make(databases[1] as string);
    await b.connect();
    try {
      const [again] = await run(
        b,
        "SELECT CONNECTION_ID() AS id, DATABASE() AS db, @@SESSION.foreign_key_checks AS fk, @tenant AS v, @@SESSION.time_zone AS tz, IS_USED_LOCK('ductape_test_lock') AS holder",
      );
      expect({ ...again, fk: Number(again?.fk) }).toEqual({ id: first?.id, db: databases[1], fk: 1, v: null, tz: '+00:00', holder: null });
      expect(Number(first?.got)).toBe(1);
      expect(pool.open).toBe(1);
    } finally {
      await b.close();
      await pool.close();
    }
  });
});
