import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { tenantMigrations } from '../support/fleet.js';
import { watchConnections } from '../support/watch-connections.js';

// Issue 20: a fleet of Cassandra keyspaces reuses its clients (adapter-cassandra's
// createConnectionPool): at most `concurrency` clients, each lent to one target at a time and
// switched to the next target's keyspace, instead of a new client (control connection, a
// connection per node, schema metadata) per target. The server's own view of its clients,
// system_views.clients (Cassandra 4+), lists each connection with the keyspace it USEs: a watcher
// reads it throughout the run for the tenant keyspaces. 8 keyspaces (their creation is slow),
// concurrency 2.
const TENANTS = 8;
const CONCURRENCY = 2;
const hosts = requireServer('cassandra') as string | undefined;
const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';
const adapter = fileURLToPath(new URL('../../../adapter-cassandra/dist/index.js', import.meta.url));

type Row = { get(column: string): unknown };
type Client = { connect(): Promise<void>; execute(cql: string, params?: unknown[], options?: object): Promise<{ rows: Row[] }>; shutdown(): Promise<void> };
const cassandra = createRequire(new URL('../../../adapter-cassandra/package.json', import.meta.url))('cassandra-driver') as {
  Client: new (o: { contactPoints: string[]; localDataCenter: string }) => Client;
};

describe.skipIf(!hosts)('a fleet of Cassandra keyspaces reuses at most `concurrency` clients (server)', () => {
  const base = `dt_sdk_fpool_${randomBytes(3).toString('hex')}`;
  const keyspaces = Array.from({ length: TENANTS }, (_, i) => `${base}_t${String(i + 1).padStart(2, '0')}`);
  const url = (ks: string) => `cassandra://${(hosts as string).split(',')[0]}/${ks}?dc=${dc}`;
  let client: Client;

  beforeAll(async () => {
    client = new cassandra.Client({ contactPoints: (hosts as string).split(','), localDataCenter: dc });
    await client.connect();
    for (const ks of keyspaces) {
      await client.execute(`CREATE KEYSPACE ${ks} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
      await client.execute(`CREATE TABLE ${ks}.legacy (id uuid PRIMARY KEY)`);
    }
  }, 240_000);
  afterAll(async () => {
    if (!client) return;
    for (const ks of keyspaces) await client.execute(`DROP KEYSPACE IF EXISTS ${ks}`).catch(() => undefined);
    await client.shutdown();
  });

  /** The server's client connections on a tenant keyspace now: "address:port" each. */
  const tenantConnections = async (): Promise<string[]> =>
    (await client.execute('SELECT address, port, keyspace_name FROM system_views.clients')).rows
      .filter((r) => String(r.get('keyspace_name') ?? '').startsWith(`${base}_`))
      .map((r) => `${String(r.get('address'))}:${String(r.get('port'))}`);

  it(`migrates ${TENANTS} keyspaces over at most ${CONCURRENCY} clients, each reused from keyspace to keyspace`, async () => {
    const config: DuctapeConfig = { products: {}, fleets: { tenants: { adapter, environments: { dev: { targets: keyspaces.map((ks) => ({ url: url(ks), name: ks })) } } } } };
    const {
      result: summary,
      most,
      seen,
      reads,
    } = await watchConnections(tenantConnections, () => new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'dev', migrations: tenantMigrations(), concurrency: CONCURRENCY }));
    expect(summary).toMatchObject({ targets: TENANTS, done: TENANTS, failed: [], skipped: [], applied: TENANTS * 3 });
    expect(reads).toBeGreaterThan(TENANTS);
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(CONCURRENCY);
    // The same connections go from one tenant keyspace to the next: no new client per target.
    expect(seen.size).toBeLessThanOrEqual(CONCURRENCY);
    expect(await tenantConnections()).toEqual([]); // shut down with the run
    for (const ks of keyspaces) {
      const rows = (await client.execute(`SELECT name, status FROM ${ks}."_ductape_migrations"`)).rows.map((r) => `${String(r.get('name'))}:${String(r.get('status'))}`).sort();
      expect(rows).toEqual(['add_legacy_note:applied', 'add_phone:applied', 'create_users:applied']);
    }
  }, 600_000);

  it('a reused client is switched to the next target’s keyspace: its raw CQL with unqualified names runs there', async () => {
    const mod = (await import(adapter)) as {
      createAdapter: (t: object) => Promise<{ connect(): Promise<void>; close(): Promise<void>; driver: { client: unknown; execute(cql: string): Promise<{ rows: Row[] }> } }>;
      createConnectionPool: (o: { max: number }) => { open: number; clients: number; close(): Promise<void> };
    };
    const pool = mod.createConnectionPool({ max: 1 });
    try {
      const a = await mod.createAdapter({ connection: url(keyspaces[0] as string), product: 'p', database: 'd', env: 'dev', pool });
      await a.connect();
      const first = a.driver.client;
      await a.close();
      const b = await mod.createAdapter({ connection: url(keyspaces[1] as string), product: 'p', database: 'd', env: 'dev', pool });
      await b.connect();
      expect(b.driver.client).toBe(first);
      const [row] = (await b.driver.execute("SELECT keyspace_name FROM system_schema.tables WHERE keyspace_name = 'x' LIMIT 1")).rows;
      expect(row).toBeUndefined();
      expect(((b.driver.client as { keyspace?: string }).keyspace ?? '').replace(/"/g, '')).toBe(keyspaces[1]);
      await b.driver.execute('INSERT INTO legacy (id) VALUES (uuid())'); // unqualified: the current target's keyspace
      expect((await client.execute(`SELECT count(*) AS n FROM ${keyspaces[1]}.legacy`)).rows[0]?.get('n')?.toString()).toBe('1');
      expect((await client.execute(`SELECT count(*) AS n FROM ${keyspaces[0]}.legacy`)).rows[0]?.get('n')?.toString()).toBe('0');
      expect(pool.clients).toBe(1);
      expect(pool.open).toBeGreaterThan(0);
      await b.close();
    } finally {
      await pool.close();
    }
    expect(pool.clients).toBe(0);
  }, 120_000);
});
