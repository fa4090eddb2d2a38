import { runName } from './names.mjs';

/**
 * Cassandra on DUCTAPE_TEST_CASSANDRA_HOSTS (+ DUCTAPE_TEST_CASSANDRA_DATACENTER): a fresh
 * keyspace per run (the adapter creates it). Rows are written and read with cassandra-driver.
 * @example const ns = await cassandraTarget.provision('127.0.0.1:9042');
 */
export const cassandraTarget = {
  key: 'cassandra',
  pkg: '@ductape/adapter-cassandra',
  server: 'cassandra',
  /** @param {string} hosts */
  async provision(hosts) {
    const { default: cassandra } = await import('cassandra-driver');
    const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER || 'datacenter1';
    const keyspace = runName('ductape_rel');
    const client = () => new cassandra.Client({ contactPoints: hosts.split(','), localDataCenter: dc });
    return {
      key: 'cassandra',
      pkg: '@ductape/adapter-cassandra',
      multiProcess: true,
      connection: `cassandra://${hosts}/${keyspace}?dc=${dc}`,
      options: {},
      raw: { dialect: 'cassandra', sleep: undefined },
      // The server runs AllowAllAuthenticator: credentials are ignored, and must still never leak.
      secretConnections: (marker) => ({ unreachable: `cassandra://ductape:${marker}@127.0.0.1:1/${keyspace}?dc=${dc}`, real: `cassandra://ductape:${marker}@${hosts}/${keyspace}?dc=${dc}` }),
      async openProbe() {
        const c = client();
        await c.connect();
        const ks = `"${keyspace}"`;
        const id = (t) => `${ks}."${t.replaceAll('"', '""')}"`;
        return {
          async insertRows(table, n) {
            for (let i = 1; i <= n; i++) await c.execute(`INSERT INTO ${id(table)} ("id", "name") VALUES (?, ?)`, [i, `row-${i}`], { prepare: true });
          },
          async countRows(table) {
            const r = await c.execute(`SELECT "id", "name" FROM ${id(table)}`, [], { fetchSize: 10_000 });
            return r.rows.filter((row) => row.name === `row-${row.id}`).length;
          },
          async tableNames() {
            const r = await c.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?', [keyspace], { prepare: true });
            return r.rows.map((row) => row.table_name);
          },
          close: () => c.shutdown(),
        };
      },
      async dispose() {
        const c = client();
        try {
          await c.connect();
          await c.execute(`DROP KEYSPACE IF EXISTS "${keyspace}"`);
        } finally {
          await c.shutdown();
        }
      },
    };
  },
};
