import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '@ductape/services/ensure-built';
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterDatabase, appliedCounts, clusterDatabase, galeraUrls, runRunners } from '../support/galera-cluster.js';

// Issue 23: GET_LOCK is node-local on Galera. Two runner processes connected to two different
// nodes must still apply each migration once. Needs `pnpm services:up galera`.
const urls = galeraUrls(requireServer('galera'));

describe.skipIf(!urls)('Galera: two runners on two nodes, one lock', () => {
  let db: ClusterDatabase;
  beforeAll(async () => {
    ensureBuilt(fileURLToPath(new URL('../..', import.meta.url)));
    db = await clusterDatabase(urls as string[], 'galera_two');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('applies each migration once when runners on node 1 and node 2 run up at the same time', async () => {
    // Each runner freezes 1.5 s as it starts a migration (history read, nothing written yet), so a
    // second holder of "the" lock (a node-local GET_LOCK) decides to apply it too.
    const spec = { workload: 'marker', count: 3, leaseMs: 10_000, pause: { event: 'migration:start', migration: '*', ms: 1500 } } as const;
    const runs = await runRunners([
      { ...spec, url: db.urls[0] as string },
      { ...spec, url: db.urls[1] as string },
    ]);
    const markers = await db.query(2, 'SELECT migration, COUNT(*) AS n FROM galera_marker GROUP BY migration ORDER BY migration');
    const history = await db.query(2, "SELECT name, status FROM _ductape_migrations WHERE name LIKE 'galera_marker_%' ORDER BY name");

    expect(markers.map((r) => [r.migration, Number(r.n)])).toEqual([
      ['galera_marker_01', 1],
      ['galera_marker_02', 1],
      ['galera_marker_03', 1],
    ]);
    expect(runs.map((r) => r.messages.find((m) => m.type === 'ready')?.lock)).toEqual(['lease', 'lease']);
    expect([...appliedCounts(runs).values()].reduce((a, b) => a + b, 0)).toBe(3);
    expect(runs.map((r) => [r.code, r.messages.find((m) => m.type === 'error')?.message])).toEqual([
      [0, undefined],
      [0, undefined],
    ]);
    expect(history).toEqual([
      { name: 'galera_marker_01', status: 'applied' },
      { name: 'galera_marker_02', status: 'applied' },
      { name: 'galera_marker_03', status: 'applied' },
    ]);
  });
});
