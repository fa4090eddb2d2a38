import { canonicalJson } from '@ductape/core';
import { cassandraCatalog } from '../round-trip/catalog/cassandra.mjs';
import { cassandraTarget } from './cassandra.mjs';

/**
 * A driver that only talks to `address` (allow-list load balancing: its control connection and
 * every query stay on that node), to read that node's own system_schema.
 * @param {string} address host:port
 * @param {string} dc
 */
async function pinnedClient(address, dc) {
  const { default: cassandra } = await import('cassandra-driver');
  const { policies, types } = cassandra;
  const client = new cassandra.Client({
    contactPoints: [address],
    localDataCenter: dc,
    policies: { loadBalancing: new policies.loadBalancing.AllowListPolicy(new policies.loadBalancing.DCAwareRoundRobinPolicy(dc), [address]) },
    queryOptions: { consistency: types.consistencies.one },
  });
  await client.connect();
  return client;
}

/**
 * The 3-node Cassandra ring of `pnpm services:up cassandra-cluster`
 * (DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS, node 1 first): a fresh keyspace per run with `rf=3`
 * (every row on every node: the lock's SERIAL and the history's QUORUM each need 2 of 3).
 * Runners are spread over the nodes: runner i's contact points start at node i mod 3 (its control
 * connection and first coordinator; the driver's token-aware policy then uses every node). The
 * parent's adapter starts on node 1. `nodeCatalogs()` reads system_schema (tables with their ids,
 * columns, indexes) on each node through a driver pinned to it. Only the concurrency and crash
 * properties run here.
 * @example const ns = await cassandraClusterTarget.provision('127.0.0.2:9042,127.0.0.3:9042,127.0.0.4:9042');
 */
export const cassandraClusterTarget = {
  key: 'cassandra-cluster',
  pkg: '@ductape/adapter-cassandra',
  server: 'cassandra-cluster',
  cluster: true,
  properties: ['concurrency', 'crash'],
  /** @param {string} hosts comma-separated host:port, node 1 first */
  async provision(hosts) {
    const dc = process.env.DUCTAPE_TEST_CASSANDRA_CLUSTER_DATACENTER || 'datacenter1';
    const nodes = hosts.split(',').map((h) => h.trim());
    const saved = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER;
    process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER = dc;
    let base;
    try {
      base = await cassandraTarget.provision(nodes.join(','));
    } finally {
      if (saved === undefined) delete process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER;
      else process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER = saved;
    }
    // The keyspace of `cassandra://h1,h2,h3/<keyspace>?dc=…` (several hosts: not a WHATWG URL).
    const keyspace = /\/([^/?]+)\?/.exec(base.connection)?.[1] ?? '';
    const at = (first) => `cassandra://${nodes.map((_, i) => nodes[(first + i) % nodes.length]).join(',')}/${keyspace}?dc=${dc}&rf=3`;
    /** @type {import('cassandra-driver').Client[] | undefined} */
    let pinned;
    return {
      ...base,
      key: 'cassandra-cluster',
      connection: at(0),
      runnerConnections: nodes.map((_, i) => at(i)),
      nodeNames: nodes,
      secretConnections: undefined,
      // Rows written and counted at QUORUM: a count at ONE could ask a replica a write has not reached.
      async openProbe() {
        const { default: cassandra } = await import('cassandra-driver');
        const c = new cassandra.Client({ contactPoints: nodes, localDataCenter: dc, queryOptions: { consistency: cassandra.types.consistencies.quorum, fetchSize: 10_000 } });
        await c.connect();
        const id = (t) => `"${keyspace}"."${t.replaceAll('"', '""')}"`;
        return {
          async insertRows(table, n) {
            for (let i = 1; i <= n; i++) await c.execute(`INSERT INTO ${id(table)} ("id", "name") VALUES (?, ?)`, [i, `row-${i}`], { prepare: true });
          },
          async countRows(table) {
            const r = await c.execute(`SELECT "id", "name" FROM ${id(table)}`, [], { prepare: true });
            return r.rows.filter((row) => row.name === `row-${row.id}`).length;
          },
          async tableNames() {
            const r = await c.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [keyspace], { prepare: true });
            return r.rows.map((row) => row.table_name);
          },
          close: () => c.shutdown(),
        };
      },
      /** Each node's own system_schema for the run's keyspace (tables with ids, columns, indexes), as canonical JSON. */
      async nodeCatalogs() {
        pinned ??= await Promise.all(nodes.map((n) => pinnedClient(n, dc)));
        const out = [];
        for (const c of pinned) {
          const { dump } = await cassandraCatalog(c, keyspace);
          const ids = (await c.execute('SELECT table_name, id FROM system_schema.tables WHERE keyspace_name = ?', [keyspace], { prepare: true })).rows.map((r) => `${r.table_name} ${r.id}`).sort();
          out.push(canonicalJson({ ...dump, ids }));
        }
        return out;
      },
      async dispose() {
        await Promise.all((pinned ?? []).map((c) => c.shutdown().catch(() => undefined)));
        pinned = undefined;
        await base.dispose();
      },
    };
  },
};
