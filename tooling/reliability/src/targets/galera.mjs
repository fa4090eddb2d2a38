import { canonicalJson } from '@ductape/core';
import { mysqlCatalog } from '../round-trip/catalog/mysql.mjs';
import { runName, withPath } from './names.mjs';
import { sqlProbe } from './sql-probe.mjs';

/**
 * A connection to one Galera node whose reads wait until the node has applied everything the
 * cluster committed before them (`wsrep_sync_wait = 1`), so what it reads is that node's own
 * state once it has caught up, never a lag.
 * @param {string} url
 */
async function nodeConnection(url) {
  const { default: mysql } = await import('mysql2/promise');
  const conn = await mysql.createConnection({ uri: url.replace(/^mariadb:/, 'mysql:') });
  await conn.query('SET SESSION wsrep_sync_wait = 1');
  return conn;
}

/**
 * The 3-node MariaDB Galera cluster of `pnpm services:up galera` (DUCTAPE_TEST_GALERA_URLS, node 1
 * first), through `@ductape/adapter-mariadb`, which detects Galera at connect and takes the
 * replicated lease lock. A fresh database per run, created on node 1 and waited for on every node.
 * Runners are spread over the nodes (`runnerConnections`, runner i on node i mod 3); the parent's
 * adapter and row probe are on node 1; `nodeCatalogs()` reads information_schema and `SHOW CREATE
 * TABLE` on each node directly. Only the concurrency and crash properties run here.
 * @example const ns = await galeraTarget.provision(process.env.DUCTAPE_TEST_GALERA_URLS);
 */
export const galeraTarget = {
  key: 'galera',
  pkg: '@ductape/adapter-mariadb',
  server: 'galera',
  cluster: true,
  properties: ['concurrency', 'crash'],
  /** @param {string} urls comma-separated node URLs, node 1 first */
  async provision(urls) {
    const nodes = urls
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (nodes.length < 2) throw new Error(`DUCTAPE_TEST_GALERA_URLS lists ${nodes.length} node(s); a cluster has at least 2`);
    const name = runName('ductape_rel_galera');
    const admins = await Promise.all(nodes.map((u) => nodeConnection(withPath(u, ''))));
    try {
      await admins[0].query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      // Replicated in total order; each node's sync-wait read returns once it has it.
      for (const c of admins) {
        const [rows] = await c.query('SELECT SCHEMA_NAME AS s FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [name]);
        if (rows.length !== 1) throw new Error(`database ${name} is not on every node after CREATE DATABASE`);
      }
    } finally {
      await Promise.all(admins.map((c) => c.end().catch(() => undefined)));
    }
    const runnerConnections = nodes.map((u) => withPath(u, name));
    /** @type {import('mysql2/promise').Connection[] | undefined} */
    let catalogConns;
    return {
      key: 'galera',
      pkg: '@ductape/adapter-mariadb',
      multiProcess: true,
      connection: runnerConnections[0],
      runnerConnections,
      nodeNames: nodes.map((u) => new URL(u).host),
      options: {},
      raw: { dialect: 'mariadb', sleep: (s) => `SELECT SLEEP(${s})` },
      async openProbe() {
        const conn = await nodeConnection(withPath(nodes[0], name));
        const probe = sqlProbe(async (text, params) => (await conn.query(text, params))[0], '`', name, 'mysql');
        return { ...probe, close: () => conn.end() };
      },
      /** Waits until every node has applied what the cluster committed so far (the runners' last writes). */
      async settle() {
        catalogConns ??= await Promise.all(runnerConnections.map(nodeConnection));
        for (const c of catalogConns) await c.query('SELECT COUNT(*) FROM information_schema.SCHEMATA');
      },
      /** Each node's own catalog of the run's database (information_schema + SHOW CREATE TABLE), as canonical JSON. */
      async nodeCatalogs() {
        catalogConns ??= await Promise.all(runnerConnections.map(nodeConnection));
        const out = [];
        for (const c of catalogConns) out.push(canonicalJson((await mysqlCatalog(c, name)).dump));
        return out;
      },
      async dispose() {
        await Promise.all((catalogConns ?? []).map((c) => c.end().catch(() => undefined)));
        catalogConns = undefined;
        const c = await nodeConnection(withPath(nodes[0], ''));
        try {
          await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        } finally {
          await c.end();
        }
      },
    };
  },
};
