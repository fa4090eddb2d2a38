import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { tenantMigrations } from '../support/fleet.js';
import { canCountSockets, socketsTo } from '../support/process-sockets.js';
import { watchConnections } from '../support/watch-connections.js';

// Issue 20: a fleet of MongoDB databases shares one MongoClient per server (adapter-mongo's
// createConnectionPool), its pool at most the concurrency, instead of one client per target (each
// with its own pooled and monitoring connections). 16 tenant databases, concurrency 3. FerretDB
// gives no per-client view of its connections (serverStatus has no `connections`, currentOp is
// empty), so the test counts this process's TCP connections to the server as the kernel sees
// them, throughout the run. One shared client adds its monitoring connections (≤ 2) to the pool.
const TENANTS = 16;
const CONCURRENCY = 3;
const MONITORING = 2;
const serverUrl = requireServer('mongo') as string | undefined;
const adapter = fileURLToPath(new URL('../../../adapter-mongo/dist/index.js', import.meta.url));

type Db = { createCollection(name: string): Promise<unknown>; dropDatabase(): Promise<unknown>; collection(n: string): { find(q: object): { toArray(): Promise<Record<string, unknown>[]> } } };
type Client = { connect(): Promise<unknown>; db(name: string): Db; close(): Promise<void> };
const { MongoClient } = createRequire(new URL('../../../adapter-mongo/package.json', import.meta.url))('mongodb') as { MongoClient: new (url: string) => Client };

describe.skipIf(!serverUrl || !canCountSockets)('a fleet of MongoDB databases shares one client per server, at most `concurrency` pooled connections (FerretDB)', () => {
  const base = `ductape_sdk_fpool_${randomBytes(3).toString('hex')}`;
  const databases = Array.from({ length: TENANTS }, (_, i) => `${base}_t${String(i + 1).padStart(2, '0')}`);
  const port = Number(new URL(serverUrl ?? 'mongodb://x:27017').port || 27017);
  const url = (d: string) => Object.assign(new URL(serverUrl as string), { pathname: `/${d}` }).toString();

  async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const c = new MongoClient(serverUrl as string);
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.close();
    }
  }

  beforeAll(async () => {
    await withAdmin(async (c) => {
      for (const d of databases) await c.db(d).createCollection('legacy');
    });
  }, 120_000);
  afterAll(async () => {
    if (serverUrl) await withAdmin(async (c) => Promise.all(databases.map((d) => c.db(d).dropDatabase())));
  });

  it(`migrates ${TENANTS} databases over one client, never more connections than the concurrency plus its monitoring`, async () => {
    const config: DuctapeConfig = {
      products: {},
      fleets: { tenants: { adapter, options: { onMissingFeature: 'warn' }, environments: { dev: { targets: databases.map((d) => ({ url: url(d), name: d })) } } } },
    };
    const before = socketsTo(port); // other clients of this process (none expected), not counted
    const {
      result: summary,
      most,
      seen,
      reads,
    } = await watchConnections(
      () => [...socketsTo(port)].filter((s) => !before.has(s)),
      () => new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'dev', migrations: tenantMigrations(), concurrency: CONCURRENCY }),
    );
    expect(summary).toMatchObject({ targets: TENANTS, done: TENANTS, failed: [], skipped: [], applied: TENANTS * 3 });
    expect(reads).toBeGreaterThan(TENANTS);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(CONCURRENCY + MONITORING);
    // The same connections serve every database: no new client (and its connections) per target.
    expect(seen.size).toBeLessThanOrEqual(CONCURRENCY + MONITORING);
    expect([...socketsTo(port)].filter((s) => !before.has(s))).toEqual([]); // closed with the run
    await withAdmin(async (c) => {
      for (const d of databases) {
        const rows = await c.db(d).collection('_ductape_migrations').find({}).toArray();
        expect(rows.map((r) => `${String(r._id)}:${String(r.status)}`).sort()).toEqual(['add_legacy_note:applied', 'add_phone:applied', 'create_users:applied']);
      }
    });
  }, 240_000);

  it('createConnectionPool: one client per server whatever the database, its pool capped at max, left open by each adapter', async () => {
    const mod = (await import(adapter)) as {
      createAdapter: (t: object) => Promise<{ connect(): Promise<void>; close(): Promise<void>; driver: { client: unknown; databaseName: string } }>;
      createConnectionPool: (o: { max: number }) => { open: number; clients: number; close(): Promise<void> };
    };
    const pool = mod.createConnectionPool({ max: 2 });
    try {
      const a = await mod.createAdapter({ connection: url(databases[0] as string), product: 'p', database: 'd', env: 'dev', pool, options: { onMissingFeature: 'warn' } });
      const b = await mod.createAdapter({ connection: url(databases[1] as string), product: 'p', database: 'd', env: 'dev', pool, options: { onMissingFeature: 'warn' } });
      await a.connect();
      await b.connect();
      expect(a.driver.client).toBe(b.driver.client);
      expect([a.driver.databaseName, b.driver.databaseName]).toEqual([databases[0], databases[1]]);
      expect((a.driver.client as { options: { maxPoolSize: number } }).options.maxPoolSize).toBe(2);
      await a.close(); // leaves the shared client open for b
      await b.connect();
      expect(pool.clients).toBe(1);
      expect(pool.open).toBeGreaterThan(0);
      expect(pool.open).toBeLessThanOrEqual(2);
      await b.close();
    } finally {
      await pool.close();
    }
    expect(pool.open).toBe(0);
  });
});
