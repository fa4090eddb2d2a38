import { afterAll, describe, expect, it } from 'vitest';
import { MigrationEngine, MigrationFailedError } from '@ductape/core';
import { types } from 'cassandra-driver';
import { pauseRingNode, resumeRingNode } from '@ductape/services/cassandra-ring-nodes';
import { clusterMigrations } from '../support/cluster-migrations.mjs';
import { CassandraAdapter, CassandraSchemaAgreementError } from '../../src/index.js';
import { clusterDc, clusterHosts, clusterKeyspace, nodeSchema, ringClient, runRunner, startingAt } from '../support/cassandra-cluster.js';

// Issue 23: node 3 of the ring frozen (SIGSTOP) while a runner on nodes 1 and 2 applies a
// migration. Its CREATE TABLE is accepted by the coordinator but node 3 cannot take it: the
// runner must stop with a typed error naming node 3, and history must record nothing past the
// last step the ring agreed on. After SIGCONT the next `up` (starting on node 3) completes and
// every node holds the same schema. End states and counts only.
const names = clusterMigrations().map((m) => m.name);

async function history(keyspace: string): Promise<Map<string, { status: string; steps: number }>> {
  const client = await ringClient();
  try {
    const rows = (await client.execute(`SELECT name, status, steps_applied FROM "${keyspace}"."_ductape_migrations"`, [], { consistency: types.consistencies.quorum })).rows;
    return new Map(rows.map((r) => [String(r.get('name')), { status: String(r.get('status')), steps: Number(r.get('steps_applied')) }]));
  } finally {
    await client.shutdown();
  }
}

describe.skipIf(!clusterHosts)('Cassandra ring: one node paused (SIGSTOP) during a migration', () => {
  const hosts = clusterHosts ?? [];
  const keyspace = clusterKeyspace('pause');
  afterAll(async () => {
    try {
      resumeRingNode(3);
    } catch {
      // not paused or not recorded
    }
    const client = await ringClient();
    await client.execute(`DROP KEYSPACE IF EXISTS "${keyspace}"`).catch(() => undefined);
    await client.shutdown();
  });

  it('stops with a typed error naming the paused node, records nothing past the last agreed step, and completes after SIGCONT with every node agreeing', async () => {
    const [n1, n2, n3] = hosts as [string, string, string];
    const before = await runRunner(hosts, keyspace, { count: 5 });
    expect(before.error, before.log).toBeUndefined();
    expect(before.applied).toEqual(names.slice(0, 5));

    // A long-lived runner (connected, and its engine used, before the pause: a service that
    // retries `up` with the same engine, whose lock and history tables are known to exist).
    const retrying = new CassandraAdapter({ contactPoints: [n1, n2], localDataCenter: clusterDc, keyspace, schemaAgreementTimeoutMs: 10_000 });
    await retrying.connect();
    const retryEngine = new MigrationEngine(retrying, { lockTimeoutMs: 120_000 });
    expect((await retryEngine.upAll(clusterMigrations().slice(0, 5))).map((r) => r.outcome)).toEqual(Array(5).fill('skipped'));

    pauseRingNode(3);
    let paused: Awaited<ReturnType<typeof runRunner>>;
    let retried: unknown;
    try {
      paused = await runRunner([n1, n2], keyspace, { agreementMs: 15_000 });
      // Still paused: its retry finds m06 failed with its table in the live schema, but must not
      // record it (nor the run) as applied while node 3 has not taken the table.
      retried = await retryEngine.upAll(clusterMigrations()).catch((e: unknown) => e);
    } finally {
      resumeRingNode(3);
      await retrying.close();
    }
    expect(retried).toBeInstanceOf(Error);
    const cause = retried instanceof MigrationFailedError ? retried.cause : retried;
    expect(cause, String(retried)).toBeInstanceOf(CassandraSchemaAgreementError);
    expect((cause as CassandraSchemaAgreementError).disagreeing.map((d) => d.node)).toEqual([n3]);
    console.log(`[runner on nodes 1, 2 while node 3 is paused]\n${paused.log}`);
    expect(paused.applied, paused.log).toEqual([]);
    expect(paused.error?.name, paused.log).toBe('CassandraSchemaAgreementError');
    expect(paused.error?.code).toBe('DUCTAPE_CONNECTION');
    expect(paused.error?.disagreeing?.map((d) => d.node)).toEqual([n3]);
    expect(paused.error?.message).toContain(`${n3} at `);
    expect(paused.error?.message).toMatch(/disagrees with 127\.0\.0\.2:9042, 127\.0\.0\.3:9042 at /);

    const stopped = await history(keyspace);
    for (const name of names.slice(0, 5)) expect(stopped.get(name)).toEqual({ status: 'applied', steps: 1 });
    // m06's CREATE TABLE ran on the coordinator, but the ring never agreed on it: not recorded.
    expect(stopped.get(names[5] as string)).toEqual({ status: 'failed', steps: 0 });
    expect([...stopped.keys()].filter((n) => names.indexOf(n) > 5)).toEqual([]);

    // Resumed: the next up starts its driver on node 3, waits for the ring to agree, finds m06's
    // table in the live schema (recorded, not run again) and applies the rest.
    const after = await runRunner(startingAt(hosts, 2), keyspace, { agreementMs: 120_000 });
    console.log(`[runner after SIGCONT, starting on node 3]\n${after.log}`);
    expect(after.error, after.log).toBeUndefined();
    expect(after.applied).toEqual(names.slice(5));
    const done = await history(keyspace);
    expect([...done.keys()].sort()).toEqual(names);
    expect([...done.values()].every((h) => h.status === 'applied' && h.steps === 1)).toBe(true);

    const schemas = await Promise.all(hosts.map((h) => nodeSchema(h, keyspace)));
    const [first, ...others] = schemas;
    expect(first?.columns.filter((c) => /^t\d\d\.note regular text/.test(c))).toHaveLength(10);
    for (const s of others) expect(s).toEqual(first);
    console.log(
      `[figures] ring pause: paused node ${n3}, error ${paused.error?.name} naming ${paused.error?.disagreeing?.map((d) => d.node).join(', ')}; recorded past the last agreed step: 0; after SIGCONT applied ${after.applied.length}, history rows ${done.size}, schema equal on all ${hosts.length} nodes: ${others.every((s) => JSON.stringify(s) === JSON.stringify(first))}`,
    );
  }, 900_000);
});
