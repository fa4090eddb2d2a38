import { afterAll, describe, expect, it } from 'vitest';
import { clusterMigrations } from '../support/cluster-migrations.mjs';
import { clusterHosts, clusterKeyspace, nodeSchema, ringClient, runRunner, startingAt } from '../support/cassandra-cluster.js';
import { types } from 'cassandra-driver';

// Issue 23: 8 runner processes, spread over the three nodes of a Cassandra ring (each starts its
// driver on another node), run `up` on the same 20 migrations at once on a fresh keyspace (RF 3).
// End state only: each migration applied by exactly one runner, one history row each, and every
// node's own system_schema (read through a driver pinned to it) the same.
const RUNNERS = 8;
const names = clusterMigrations().map((m) => m.name);

describe.skipIf(!clusterHosts)('Cassandra ring: 8 runners on 3 nodes, 20 migrations at once', () => {
  const hosts = clusterHosts ?? [];
  const keyspace = clusterKeyspace('race');
  afterAll(async () => {
    const client = await ringClient();
    await client.execute(`DROP KEYSPACE IF EXISTS "${keyspace}"`).catch(() => undefined);
    await client.shutdown();
  });

  it('applies each migration exactly once, writes one history row each, and leaves the same schema on every node', async () => {
    const outputs = await Promise.all(Array.from({ length: RUNNERS }, (_, i) => runRunner(startingAt(hosts, i % hosts.length), keyspace)));
    for (const o of outputs) expect(o.error, o.log).toBeUndefined();
    const applied = outputs.flatMap((o) => o.applied);
    const counts = new Map<string, number>();
    for (const n of applied) counts.set(n, (counts.get(n) ?? 0) + 1);
    const duplicates = [...counts.values()].filter((c) => c > 1).length;
    expect(duplicates).toBe(0);
    expect([...counts.keys()].sort()).toEqual(names);

    const client = await ringClient();
    try {
      // ALL: every replica must hold every row.
      const rows = (await client.execute(`SELECT name, status, steps_applied, steps_total FROM "${keyspace}"."_ductape_migrations"`, [], { consistency: types.consistencies.all })).rows;
      expect(rows.map((r) => r.get('name')).sort()).toEqual(names);
      expect(rows.every((r) => r.get('status') === 'applied' && r.get('steps_applied') === r.get('steps_total'))).toBe(true);
    } finally {
      await client.shutdown();
    }

    const schemas = await Promise.all(hosts.map((h) => nodeSchema(h, keyspace)));
    const [first, ...others] = schemas;
    expect(first?.tables.filter((t) => /^t\d\d /.test(t))).toHaveLength(10);
    expect(first?.columns.filter((c) => /^t\d\d\.note regular text/.test(c))).toHaveLength(10);
    for (const s of others) expect(s).toEqual(first);
    console.log(
      `[figures] ring race: processes ${RUNNERS}, migrations ${names.length}, applied ${applied.length}, duplicates ${duplicates}, history rows ${names.length}, schema equal on all ${hosts.length} nodes: ${others.every((s) => JSON.stringify(s) === JSON.stringify(first))}`,
    );
  }, 900_000);
});
