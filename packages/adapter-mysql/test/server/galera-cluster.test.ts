import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '@ductape/services/ensure-built';
import { galeraNodeByPort, killGaleraNode, restartGaleraNode } from '@ductape/services/galera-nodes';
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterDatabase, type RunnerRun, appliedCounts, clusterDatabase, galeraUrls, nodeSchema, runRunners } from '../support/galera-cluster.js';

// Issue 23 on a real 3-node Galera cluster (`pnpm services:up galera`): many runner processes on
// all nodes, and the lease holder's node killed mid-migration. End states and counts only.
const urls = galeraUrls(requireServer('galera'));

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
const exits = (runs: readonly RunnerRun[]) => runs.map((r) => [r.port, r.code, r.messages.find((m) => m.type === 'error')?.message ?? r.stderr.slice(0, 300)]);

describe.skipIf(!urls)('Galera cluster: the migration lock across nodes', () => {
  beforeAll(() => {
    ensureBuilt(fileURLToPath(new URL('../..', import.meta.url)));
  });

  describe('8 runner processes on 3 nodes, 20 migrations', () => {
    let db: ClusterDatabase;
    beforeAll(async () => {
      db = await clusterDatabase(urls as string[], 'galera_eight');
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('applies each migration exactly once, one history row each, the same schema on every node', async () => {
      const runs = await runRunners(Array.from({ length: 8 }, (_, i) => ({ url: db.urls[i % 3] as string, workload: 'tables' as const, count: 20, leaseMs: 10_000 })));
      const expected = names('galera_tables_', 20);

      expect(exits(runs).filter(([, code]) => code !== 0)).toEqual([]);
      expect(runs.every((r) => r.messages.find((m) => m.type === 'ready')?.lock === 'lease')).toBe(true);
      expect([...appliedCounts(runs)].sort()).toEqual(expected.map((n) => [n, 1]));
      const skipped = runs.reduce((n, r) => n + Number((r.messages.find((m) => m.type === 'result')?.outcomes as { skipped?: number } | undefined)?.skipped ?? 0), 0);
      expect(skipped).toBe(20 * 7);
      const schemas = [];
      for (let node = 0; node < 3; node++) {
        // Each node read directly: its own history rows, marker rows and catalog.
        const history = await db.query(node, "SELECT name, status, steps_applied, steps_total FROM _ductape_migrations WHERE name LIKE 'galera_tables_%' ORDER BY name");
        expect(history).toEqual(expected.map((name) => ({ name, status: 'applied', steps_applied: 3, steps_total: 3 })));
        const markers = await db.query(node, 'SELECT migration, COUNT(*) AS n FROM galera_marker GROUP BY migration ORDER BY migration');
        expect(markers.map((r) => [r.migration, Number(r.n)])).toEqual(expected.map((n) => [n, 1]));
        schemas.push(await nodeSchema(db, node));
      }
      const applied = [...appliedCounts(runs).values()].reduce((a, b) => a + b, 0);
      console.log(`galera 8x20: 8 processes on 3 nodes, 20 migrations, ${applied} applied, ${applied - 20} duplicates, ${skipped} skipped, ${schemas.length} node schemas read`);
      expect(schemas[0]?.filter((t) => t.startsWith('CREATE TABLE `gt_'))).toHaveLength(20);
      expect(schemas[1]).toEqual(schemas[0]);
      expect(schemas[2]).toEqual(schemas[0]);
    }, 600_000);
  });

  describe('the node of the lease holder killed mid-migration', () => {
    let db: ClusterDatabase;
    let killed: number | undefined;
    beforeAll(async () => {
      db = await clusterDatabase(urls as string[], 'galera_kill');
    });
    afterAll(async () => {
      if (killed !== undefined) await restartGaleraNode(killed).catch(() => undefined); // never leave the cluster short of a node
      await db?.drop();
    });

    it('another node’s runner takes over after the lease, resumes, applies nothing twice; the rejoined node has the same schema', async () => {
      const leaseMs = 4000;
      // The runner that finishes step 2 of migration 3 freezes there (history says step 1 of 3),
      // its node is SIGKILLed; the others wait for the lock on their own nodes.
      const pause = { event: 'step:done', migration: 'galera_steps_03', index: 1, ms: 15_000 } as const;
      let killedAt = 0;
      const runs = await runRunners(
        [0, 1, 2, 0, 1, 2].map((node) => ({ url: db.urls[node] as string, workload: 'steps' as const, count: 6, leaseMs, pause })),
        (m) => {
          if (m.type !== 'paused' || killed !== undefined) return;
          killed = galeraNodeByPort(Number(m.port)).index;
          killGaleraNode(killed);
          killedAt = Date.now();
        },
      );
      expect(killed).toBeDefined();
      const victimPort = db.ports[(killed as number) - 1];
      const survivors = runs.filter((r) => r.port !== victimPort);
      const victims = runs.filter((r) => r.port === victimPort);
      expect(exits(survivors).filter(([, code]) => code !== 0)).toEqual([]);
      expect(victims.every((r) => r.code !== 0)).toBe(true); // their node is gone
      const counts = appliedCounts(runs);
      expect([...counts].sort()).toEqual(names('galera_steps_', 6).map((n) => [n, 1]));
      const resumed = survivors.flatMap((r) => r.messages.filter((m) => m.event === 'migration:done' && m.outcome === 'resumed').map((m) => [m.name, m.at as number]));
      expect(resumed.map(([name]) => name)).toEqual(['galera_steps_03']);
      console.log(`galera takeover: node ${killed} killed; migration 3 resumed on another node ${((resumed[0]?.[1] as number) - killedAt) / 1000} s later (lease ${leaseMs / 1000} s)`);

      await restartGaleraNode(killed as number);
      const node = (killed as number) - 1;
      killed = undefined;
      await db.reconnect(node);
      const schemas = [];
      for (let n = 0; n < 3; n++) {
        const history = await db.query(n, "SELECT name, status, steps_applied FROM _ductape_migrations WHERE name LIKE 'galera_steps_%' ORDER BY name");
        expect(history).toEqual(names('galera_steps_', 6).map((name) => ({ name, status: 'applied', steps_applied: 3 })));
        schemas.push(await nodeSchema(db, n));
      }
      expect(schemas[0]?.filter((t) => t.includes('KEY `gt_') && t.includes('`extra` int'))).toHaveLength(6);
      expect(schemas[1]).toEqual(schemas[0]);
      expect(schemas[2]).toEqual(schemas[0]);
    }, 600_000);
  });
});
