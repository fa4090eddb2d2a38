import * as mariadb from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

// Unique per run: the cluster may be shared by several runs at once.
const SMOKE = `ductape_smoke_galera_${process.pid}_${Date.now()}`;

const urls = requireServer('galera')?.split(',');

describe.skipIf(!urls)('MariaDB Galera cluster smoke (3 nodes)', () => {
  let nodes: mariadb.Connection[] = [];
  beforeAll(async () => {
    nodes = await Promise.all((urls as string[]).map((url) => mariadb.createConnection(url)));
  });
  afterAll(async () => {
    await nodes[0]?.query(`DROP TABLE IF EXISTS ${SMOKE}`).catch(() => undefined);
    await Promise.all(nodes.map((n) => n.end()));
  });

  it('has three synced nodes in one cluster', async () => {
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      const rows = await node.query<{ Variable_name: string; Value: string }[]>(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_cluster_state_uuid')",
      );
      const status = Object.fromEntries(rows.map((r) => [r.Variable_name, r.Value]));
      expect(status.wsrep_cluster_size).toBe('3');
      expect(status.wsrep_local_state_comment).toBe('Synced');
    }
    const uuids = await Promise.all(nodes.map(async (n) => (await n.query<{ Value: string }[]>("SHOW GLOBAL STATUS LIKE 'wsrep_cluster_state_uuid'"))[0]?.Value));
    expect(new Set(uuids).size).toBe(1);
  });

  it('replicates a table and a row written on node 1 to nodes 2 and 3', async () => {
    await nodes[0]?.query(`CREATE TABLE ${SMOKE} (id INT PRIMARY KEY, name VARCHAR(20))`);
    await nodes[0]?.query(`INSERT INTO ${SMOKE} VALUES (?, ?)`, [1, 'one']);
    for (const node of nodes.slice(1)) {
      // wsrep_sync_wait: the read waits until this node applied everything committed before it.
      await node.query('SET SESSION wsrep_sync_wait = 1');
      const rows = await node.query<{ name: string }[]>(`SELECT name FROM ${SMOKE} WHERE id = ?`, [1]);
      expect(rows[0]?.name).toBe('one');
    }
  });

  it('grants GET_LOCK per node, not cluster-wide (why the migration lock needs a lease row here)', async () => {
    const name = `${SMOKE}_lock`;
    const [a] = await (nodes[0] as mariadb.Connection).query<{ got: bigint | number }[]>('SELECT GET_LOCK(?, 0) AS got', [name]);
    const [b] = await (nodes[1] as mariadb.Connection).query<{ got: bigint | number }[]>('SELECT GET_LOCK(?, 0) AS got', [name]);
    expect(Number(a?.got)).toBe(1);
    expect(Number(b?.got)).toBe(1);
    await nodes[0]?.query('SELECT RELEASE_LOCK(?)', [name]);
    await nodes[1]?.query('SELECT RELEASE_LOCK(?)', [name]);
  });
});
