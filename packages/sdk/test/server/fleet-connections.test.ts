import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig, type FleetEvent } from '../../src/index.js';
import { tenantMigrations } from '../support/fleet.js';
import { pgAdmin, pgDatabaseName, pgServer, pgUrl } from '../support/pg-server.js';
import { watchConnections } from '../support/watch-connections.js';

// Issue 20: the targets of a fleet share one connection pool per adapter package, never more
// open connections than the concurrency. 32 tenant schemas of one database, concurrency 3: a
// watcher on another database reads pg_stat_activity for the fleet's database throughout the run.
const TENANTS = 32;
const CONCURRENCY = 3;

describe.skipIf(!pgServer)('a fleet of PostgreSQL schemas shares at most `concurrency` connections (server)', () => {
  const name = pgDatabaseName('ductape_sdk_fpool');
  const url = pgUrl(name);
  const schemas = Array.from({ length: TENANTS }, (_, i) => `tenant_${String(i + 1).padStart(2, '0')}`);
  const config: DuctapeConfig = { products: {}, fleets: { tenants: { adapter: '@ductape/adapter-postgres', environments: { dev: { discover: { schemasLike: 'tenant\\_%', url } } } } } };
  let watcher: pg.Client;

  beforeAll(async () => {
    await pgAdmin(`CREATE DATABASE "${name}"`);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(schemas.map((s) => `CREATE SCHEMA ${s}; CREATE TABLE ${s}.legacy (id uuid PRIMARY KEY)`).join('; '));
    await c.end();
    watcher = new pg.Client({ connectionString: pgServer }); // the maintenance database: not counted
    await watcher.connect();
  }, 120_000);
  afterAll(async () => {
    await watcher?.end();
    await pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  /** Runs `fn` while reading the fleet database's sessions back to back (their pids). */
  const watched = <T>(fn: () => Promise<T>) =>
    watchConnections(async () => (await watcher.query("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [name])).rows.map((row) => Number(row.pid)), fn);

  it('migrates 32 schemas with no more open connections than the concurrency, each reused, reset between targets', async () => {
    const events: FleetEvent[] = [];
    const db = new DatabaseService({ config, vars: {} });
    const run = await watched(() => db.fleet('tenants').up({ env: 'dev', migrations: tenantMigrations(), concurrency: CONCURRENCY, onEvent: (e) => events.push(e) }));
    expect(run.result).toMatchObject({ targets: TENANTS, done: TENANTS, failed: [], skipped: [], applied: TENANTS * 3 });
    expect(run.reads).toBeGreaterThan(TENANTS); // the watcher saw the run, not just its end
    expect(run.most).toBeGreaterThan(0);
    expect(run.most).toBeLessThanOrEqual(CONCURRENCY);
    // Connections are reused across targets: never more distinct sessions than the concurrency.
    expect(run.seen.size).toBeLessThanOrEqual(CONCURRENCY);
    // Nothing left open after the run.
    const left = await watcher.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
    expect(left.rows[0]?.n).toBe(0);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      for (const s of schemas) {
        const h = await c.query(`SELECT name, status FROM ${s}._ductape_migrations ORDER BY name`);
        expect(h.rows.map((r) => `${r.name}:${r.status}`)).toEqual(['add_legacy_note:applied', 'add_phone:applied', 'create_users:applied']);
      }
    } finally {
      await c.end();
    }
  }, 240_000);

  it('a session given back to the pool holds no lock and no setting of the target before it', async () => {
    const { createAdapter, createConnectionPool } = await import('@ductape/adapter-postgres');
    const pool = createConnectionPool({ max: 1 });
    const target = { connection: url, product: 'p', database: 'd', env: 'dev', pool };
    const a = (await createAdapter({ ...target, options: { schema: 'tenant_01' } })) as unknown as {
      connect(): Promise<void>;
      close(): Promise<void>;
      query(t: string): Promise<Record<string, unknown>[]>;
    };
    await a.connect();
    const [first] = await a.query(
      "SELECT pg_backend_pid() AS pid, pg_advisory_lock(42) AS l, set_config('search_path', 'tenant_01', false) AS sp, set_config('application_name', 'tenant one', false) AS an",
    );
    await a.close();
    const b = (await createAdapter({ ...target, options: { schema: 'tenant_02' } })) as unknown as typeof a;
    await b.connect();
    try {
      const [again] = await b.query(
        "SELECT pg_backend_pid() AS pid, current_setting('search_path') AS sp, current_setting('application_name') AS an, (SELECT count(*)::int FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()) AS locks",
      );
      expect(again).toEqual({ pid: first?.pid, sp: '"$user", public', an: 'ductape', locks: 0 });
      expect(pool.open).toBe(1);
    } finally {
      await b.close();
      await pool.close();
    }
  });
});
