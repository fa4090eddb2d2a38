import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig, type FleetDiscoverConfig, migration } from '../../src/index.js';
import { pgAdmin, pgServer, pgUrl } from '../support/pg-server.js';

// Issue 20: a fleet finds its tenant databases (or keyspaces) on the server itself: PostgreSQL
// databases by LIKE, MariaDB databases (information_schema.SCHEMATA) by prefix, MongoDB databases
// (listDatabases, FerretDB here) by prefix, Cassandra keyspaces by LIKE. Three tenants match, a
// fourth of a similar name does not; each match is migrated in its own database with its own
// history, the fourth is left untouched. Adapters are loaded from their built packages.
const mariadbUrl = requireServer('mariadb') as string | undefined;
const mongoUrl = requireServer('mongo') as string | undefined;
const cassandraHosts = requireServer('cassandra') as string | undefined;
const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';
const built = (name: string) => fileURLToPath(new URL(`../../../adapter-${name}/dist/index.js`, import.meta.url));
const requireFrom = (name: string) => createRequire(new URL(`../../../adapter-${name}/package.json`, import.meta.url));

const base = `dt_fdisc_${randomBytes(3).toString('hex')}`;
const tenants = ['t1', 't2', 't3'].map((t) => `${base}_${t}`);
const other = `${base}_x1`;
const migrations = [
  migration('create_users')
    .createCollection('users', [
      { name: 'id', type: 'uuid', primaryKey: true },
      { name: 'email', type: 'string', length: 255 },
    ])
    .build(),
];

async function up(adapter: string, discover: FleetDiscoverConfig, options?: Record<string, unknown>) {
  const config: DuctapeConfig = { products: {}, fleets: { tenants: { adapter, ...(options ? { options } : {}), environments: { dev: { discover } } } } };
  return new DatabaseService({ config, vars: {} }).fleet('tenants').up({ env: 'dev', migrations, concurrency: 2 });
}

describe.skipIf(!pgServer)('discovery of PostgreSQL databases by LIKE (server)', () => {
  afterAll(async () => {
    for (const db of [...tenants, other]) await pgAdmin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  });

  it('migrates every database matching databasesLike, each in its own database', async () => {
    for (const db of [...tenants, other]) await pgAdmin(`CREATE DATABASE "${db}"`);
    const summary = await up('@ductape/adapter-postgres', { url: pgServer as string, databasesLike: `${base.replaceAll('_', '\\_')}\\_t%` });
    expect(summary).toMatchObject({ targets: 3, done: 3, failed: [], applied: 3 });
    expect(summary.rows.map((r) => r.target)).toEqual(tenants);
    const read = async (db: string, text: string) => {
      const c = new pg.Client({ connectionString: pgUrl(db) });
      await c.connect();
      try {
        return (await c.query(text)).rows;
      } finally {
        await c.end();
      }
    };
    for (const db of tenants) expect(await read(db, 'SELECT name, status FROM _ductape_migrations')).toEqual([{ name: 'create_users', status: 'applied' }]);
    expect(await read(other, "SELECT to_regclass('_ductape_migrations') AS t")).toEqual([{ t: null }]);
  }, 120_000);
});

type MysqlConnection = { query(sql: string, params?: unknown[]): Promise<[unknown, unknown]>; end(): Promise<void> };

describe.skipIf(!mariadbUrl)('discovery of MariaDB databases by prefix (server)', () => {
  const url = (db: string) => Object.assign(new URL(mariadbUrl as string), { pathname: db === '' ? '' : `/${db}` }).toString();
  let admin: MysqlConnection;
  const sql = async (text: string) => (await admin.query(text))[0] as Record<string, unknown>[];
  afterAll(async () => {
    for (const db of [...tenants, other]) await admin?.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await admin?.end();
  });

  it('migrates every database whose name starts with databasePrefix (information_schema.SCHEMATA), the probe on a URL without a database', async () => {
    const mysql2 = requireFrom('mysql')('mysql2/promise') as { createConnection(url: string): Promise<MysqlConnection> };
    admin = await mysql2.createConnection(Object.assign(new URL(mariadbUrl as string), { protocol: 'mysql:' }).toString());
    for (const db of [...tenants, other]) await admin.query(`CREATE DATABASE \`${db}\``);
    const summary = await up(built('mariadb'), { url: url(''), databasePrefix: `${base}_t` });
    expect(summary).toMatchObject({ targets: 3, done: 3, failed: [], applied: 3 });
    expect(summary.rows.map((r) => r.target)).toEqual(tenants);
    for (const db of tenants) expect(await sql(`SELECT name, status FROM \`${db}\`._ductape_migrations`)).toEqual([{ name: 'create_users', status: 'applied' }]);
    expect(await sql(`SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${other}'`)).toEqual([]);
  }, 120_000);
});

type MongoClient = {
  connect(): Promise<unknown>;
  close(): Promise<void>;
  db(name: string): {
    collection(n: string): { insertOne(d: unknown): Promise<unknown>; find(q: unknown): { toArray(): Promise<Record<string, unknown>[]> } };
    listCollections(): { toArray(): Promise<{ name: string }[]> };
    dropDatabase(): Promise<unknown>;
  };
};

describe.skipIf(!mongoUrl)('discovery of MongoDB databases by prefix (FerretDB server)', () => {
  let client: MongoClient;
  afterAll(async () => {
    for (const db of [...tenants, other]) await client?.db(db).dropDatabase();
    await client?.close();
  });

  it('migrates every database listDatabases names with the prefix', async () => {
    const { MongoClient } = requireFrom('mongo')('mongodb') as { MongoClient: new (url: string) => MongoClient };
    client = new MongoClient(mongoUrl as string);
    await client.connect();
    for (const db of [...tenants, other]) await client.db(db).collection('seed').insertOne({ at: 1 }); // a database exists once it holds a collection
    const server = Object.assign(new URL(mongoUrl as string), { pathname: '' }).toString();
    const summary = await up(built('mongo'), { url: server, databasePrefix: `${base}_t` }, { onMissingFeature: 'warn' });
    expect(summary).toMatchObject({ targets: 3, done: 3, failed: [], applied: 3 });
    expect(summary.rows.map((r) => r.target)).toEqual(tenants);
    for (const db of tenants) {
      const rows = await client.db(db).collection('_ductape_migrations').find({}).toArray();
      expect(rows.map((r) => `${r._id}:${r.status}`)).toEqual(['create_users:applied']);
    }
    expect((await client.db(other).listCollections().toArray()).map((c) => c.name)).toEqual(['seed']);
  }, 120_000);
});

type CassandraClient = { connect(): Promise<void>; shutdown(): Promise<void>; execute(cql: string): Promise<{ rows: Record<string, unknown>[] }> };

describe.skipIf(!cassandraHosts)('discovery of Cassandra keyspaces by LIKE (server)', () => {
  let client: CassandraClient;
  afterAll(async () => {
    for (const ks of [...tenants, other]) await client?.execute(`DROP KEYSPACE IF EXISTS ${ks}`);
    await client?.shutdown();
  });

  it('migrates every keyspace of system_schema.keyspaces matching keyspacesLike, creating no keyspace for the probe', async () => {
    const { Client } = requireFrom('cassandra')('cassandra-driver') as { Client: new (o: unknown) => CassandraClient };
    client = new Client({ contactPoints: (cassandraHosts as string).split(','), localDataCenter: dc });
    await client.connect();
    for (const ks of [...tenants, other]) await client.execute(`CREATE KEYSPACE ${ks} WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
    const host = (cassandraHosts as string).split(',')[0];
    const summary = await up(built('cassandra'), { url: `cassandra://${host}?dc=${dc}`, keyspacesLike: `${base.replaceAll('_', '\\_')}\\_t%` });
    expect(summary).toMatchObject({ targets: 3, done: 3, failed: [], applied: 3 });
    expect(summary.rows.map((r) => r.target)).toEqual(tenants);
    for (const ks of tenants) {
      const rows = (await client.execute(`SELECT name, status FROM ${ks}."_ductape_migrations"`)).rows;
      expect(rows.map((r) => `${r.name}:${r.status}`)).toEqual(['create_users:applied']);
    }
    expect((await client.execute(`SELECT table_name FROM system_schema.tables WHERE keyspace_name = '${other}'`)).rows).toEqual([]);
  }, 300_000);
});
