// The Cassandra case of `pnpm bench fleet --db cassandra` (issue 20): 50 tenant keyspaces on the
// node of `pnpm services:up cassandra` (DUCTAPE_TEST_CASSANDRA_HOSTS, _DATACENTER), each getting
// the 10 migrations of cassandraMigrations() (tables, added columns, SAI indexes; no foreign keys
// on Cassandra). Each contender gets fresh empty keyspaces (SimpleStrategy, factor 1); `drop()`
// removes them. No peer migration tool is a dependency here: the floor is a bare cassandra-driver
// loop (the adapter's driver) of the CQL our Cassandra adapter compiles for each keyspace.
import { createRequire } from 'node:module';
import { loadServicesEnv } from '../../services/src/load-env.mjs';
import { eachAtOnce } from './fleet-pool.mjs';
import { cassandraMigrations, statementsOf } from './fleet-workload.mjs';

const fromSdk = createRequire(new URL('../../../packages/sdk/package.json', import.meta.url));
const cassandra = createRequire(new URL('../../../packages/adapter-cassandra/package.json', import.meta.url))('cassandra-driver');

/**
 * @param {{ targets: number }} o
 * @example const c = await openCase({ targets: 50 }); const f = await c.fresh('ours');
 */
export async function openCase({ targets }) {
  loadServicesEnv();
  const hosts = process.env.DUCTAPE_TEST_CASSANDRA_HOSTS;
  if (!hosts) throw new Error('no Cassandra: run `pnpm services:up cassandra` (or set DUCTAPE_TEST_CASSANDRA_HOSTS)');
  const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';
  const { CassandraAdapter } = await import(fromSdk.resolve('@ductape/adapter-cassandra'));
  const migrations = cassandraMigrations();
  const client = () => new cassandra.Client({ contactPoints: hosts.split(','), localDataCenter: dc });
  const withClient = async (fn) => {
    const c = client();
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.shutdown();
    }
  };
  return {
    db: 'cassandra',
    kind: 'keyspaces',
    where: hosts.split(',')[0],
    targets,
    migrations,
    workload: 'cassandra',
    peers: {},
    /** The floor: each keyspace's statements in turn, `concurrency` keyspaces at a time, on one client. */
    async bare(fleet, { concurrency }) {
      return withClient(async (c) => {
        const t0 = performance.now();
        await eachAtOnce(fleet.tenants, concurrency, async (t) => {
          for (const list of t.statements) for (const s of list) await c.execute(s);
        });
        return performance.now() - t0;
      });
    },
    async fresh(label) {
      const tag = `${label.replace(/[^a-z0-9]/g, '').slice(0, 12)}_${Math.random().toString(16).slice(2, 8)}`;
      const tenants = Array.from({ length: targets }, (_, i) => {
        const name = `bench_fleet_${tag}_t${String(i + 1).padStart(3, '0')}`;
        const adapter = new CassandraAdapter({ contactPoints: hosts.split(','), localDataCenter: dc, keyspace: name });
        return { name, url: `cassandra://${hosts.split(',')[0]}/${name}?dc=${dc}`, statements: statementsOf(migrations, (op, ctx) => adapter.compile(op, ctx)) };
      });
      await withClient(async (c) => {
        for (const t of tenants) await c.execute(`CREATE KEYSPACE "${t.name}" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}`);
      });
      return {
        tenants,
        fleetConfig: { adapter: '@ductape/adapter-cassandra', environments: { bench: { targets: tenants.map((t) => ({ url: t.url, name: t.name })) } } },
        async history() {
          return withClient((c) =>
            eachAtOnce(tenants, 4, async (t) => {
              const rows = (await c.execute(`SELECT name, status FROM "${t.name}"."_ductape_migrations"`)).rows;
              return { target: t.name, rows: rows.length, distinct: new Set(rows.map((r) => r.name)).size, applied: rows.filter((r) => r.status === 'applied').length };
            }),
          );
        },
        async verify() {
          return withClient(async (c) => {
            for (const t of [tenants[0], tenants.at(-1)]) {
              const r = await c.execute("SELECT column_name FROM system_schema.columns WHERE keyspace_name = ? AND table_name = 'accounts' AND column_name = 'plan'", [t.name], { prepare: true });
              if (r.rows.length !== 1) return false;
            }
            return true;
          });
        },
        async drop() {
          await withClient(async (c) => {
            for (const t of tenants) await c.execute(`DROP KEYSPACE IF EXISTS "${t.name}"`).catch(() => undefined);
          });
        },
      };
    },
  };
}
