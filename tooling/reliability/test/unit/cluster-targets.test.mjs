import { describe, expect, it } from 'vitest';
import { duplicateApplications, nodeSchemaCheck } from '../../src/cluster-checks.mjs';
import { parseArgs } from '../../src/cli-args.mjs';
import { reportTable, summaryJson } from '../../src/report.mjs';
import { runDatabase } from '../../src/run-database.mjs';
import { SERVER_SETTINGS, TARGETS, selectTargets } from '../../src/targets.mjs';

// Issue 23: the Galera cluster and the Cassandra ring as targets of the suite — named only,
// concurrency and crash only, duplicates and schemaEqualOnAllNodes in the JSON line.
describe('cluster targets', () => {
  it('are run only when named (or with --cluster), in report order', () => {
    expect(TARGETS.map((t) => t.key)).not.toContain('galera');
    expect(TARGETS.map((t) => t.key)).not.toContain('cassandra-cluster');
    expect(selectTargets(['cassandra-cluster', 'postgres', 'galera']).map((t) => t.key)).toEqual(['postgres', 'galera', 'cassandra-cluster']);
    expect(parseArgs(['--cluster', '--quick']).targets).toEqual(['galera', 'cassandra-cluster']);
    expect(() => selectTargets(['galera-cluster'])).toThrow(/known: .*galera, cassandra-cluster/);
  });

  it('read their servers from the settings `pnpm services:up galera|cassandra-cluster` writes', () => {
    const [galera, ring] = selectTargets(['galera', 'cassandra-cluster']);
    expect([galera.server, ring.server]).toEqual(['galera', 'cassandra-cluster']);
    expect([SERVER_SETTINGS.galera, SERVER_SETTINGS['cassandra-cluster']]).toEqual(['DUCTAPE_TEST_GALERA_URLS', 'DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS']);
    expect([galera.properties, ring.properties]).toEqual([
      ['concurrency', 'crash'],
      ['concurrency', 'crash'],
    ]);
  });

  it('run only concurrency and crash', async () => {
    const disposed = [];
    const fake = {
      key: 'fake-cluster',
      properties: ['concurrency', 'crash'],
      async provision() {
        return { key: 'fake-cluster', dispose: async () => disposed.push('dispose') };
      },
    };
    // tamper is asked for but is not one of the cluster's properties: nothing runs (it would
    // throw on this namespace, which has no adapter).
    const report = await runDatabase(fake, 'x', { mode: { quick: true }, seed: 1, only: ['tamper', 'secrets'] });
    expect(report.results).toEqual({});
    expect(report.ok).toBe(true);
    expect(disposed).toEqual(['dispose']);
  });

  it('count applications beyond one per migration', () => {
    expect(duplicateApplications([])).toBe(0);
    expect(duplicateApplications(['a', 'b', 'c'])).toBe(0);
    expect(duplicateApplications(['a', 'b', 'a', 'a', 'b'])).toBe(3);
  });

  it('compare the catalog each node holds, naming the node that differs', async () => {
    const same = await nodeSchemaCheck({ nodeNames: ['n1', 'n2', 'n3'], nodeCatalogs: async () => ['{"t":1}', '{"t":1}', '{"t":1}'] });
    expect(same).toEqual({ equal: true, nodes: 3, differing: [], detail: '' });
    let settled = false;
    const other = await nodeSchemaCheck({
      nodeNames: ['n1', 'n2', 'n3'],
      settle: async () => {
        settled = true;
      },
      nodeCatalogs: async () => ['{"t":1}', '{"t":1}', '{"t":2}'],
    });
    expect(settled).toBe(true);
    expect(other).toMatchObject({ equal: false, nodes: 3, differing: ['n3'] });
    expect(other.detail).toMatch(/^n3 differs from n1 at/);
    expect(await nodeSchemaCheck({})).toBeUndefined();
  });

  it('report duplicates and schemaEqualOnAllNodes under databases.<cluster>.<property>', () => {
    const counts = { processes: 8, migrations: 50, applied: 50, skipped: 350, historyRows: 50, malformed: 0, duplicates: 0, nodes: 3, schemaEqualOnAllNodes: true };
    const reports = [{ key: 'galera', ok: true, ms: 1, results: { concurrency: { ok: true, ms: 1, counts, failures: [] } } }];
    expect(reportTable(reports)).toContain('8×50: 50 applied, 50 rows, 0 malformed, 0 duplicates, schema equal on all 3 nodes');
    expect(JSON.parse(summaryJson(reports, { mode: 'full', seed: 1 })).databases.galera.concurrency).toMatchObject({ duplicates: 0, schemaEqualOnAllNodes: true, nodes: 3 });
  });
});
