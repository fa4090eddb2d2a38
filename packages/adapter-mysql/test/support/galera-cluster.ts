import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';

/** The cluster's node URLs (`DUCTAPE_TEST_GALERA_URLS`, node 1 first), or undefined when it is not running. */
export function galeraUrls(value: string | undefined): string[] | undefined {
  const urls = value
    ?.split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  return urls && urls.length >= 2 ? urls : undefined;
}

/** A scratch database on the cluster, with one connection per node reading that node directly. */
export interface ClusterDatabase {
  readonly name: string;
  /** The database's URL on each node. */
  readonly urls: readonly string[];
  /** The port of each node. */
  readonly ports: readonly number[];
  /** Runs SQL on node `node` (0-based); waits for the node to have applied what the cluster committed before. */
  query(node: number, sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Reconnects node `node` (after it was restarted). */
  reconnect(node: number): Promise<void>;
  drop(): Promise<void>;
}

async function nodeConnection(url: string, database?: string): Promise<mysql.Connection> {
  const c = await mysql.createConnection(url);
  await c.query('SET SESSION wsrep_sync_wait = 1');
  // A read waits until this node applied what the cluster committed before (USE does not wait).
  if (database) await c.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [database]);
  if (database) await c.query(`USE \`${database}\``);
  return c;
}

/**
 * Creates `ductape_<prefix>_<random>` through node 1 (DDL is replicated to every node) and the
 * `galera_marker` table the workloads' raw steps write one row into per application.
 * @example const db = await clusterDatabase(urls, 'galera'); await db.query(1, 'SHOW TABLES');
 */
export async function clusterDatabase(serverUrls: readonly string[], prefix: string): Promise<ClusterDatabase> {
  const name = `ductape_${prefix}_${randomBytes(4).toString('hex')}`;
  const first = await nodeConnection(serverUrls[0] as string);
  await first.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await first.query(`CREATE TABLE \`${name}\`.galera_marker (id BIGINT AUTO_INCREMENT PRIMARY KEY, migration VARCHAR(64) NOT NULL)`);
  await first.end();
  const urls = serverUrls.map((u) => {
    const url = new URL(u);
    url.pathname = `/${name}`;
    return url.toString();
  });
  // Connected without the database first: the other nodes may not have applied CREATE DATABASE
  // yet; wsrep_sync_wait makes USE wait until they have (runners start only after this).
  const nodes = await Promise.all(serverUrls.map((u) => nodeConnection(u, name)));
  return {
    name,
    urls,
    ports: urls.map((u) => Number(new URL(u).port)),
    async query(node, sql, params) {
      const [rows] = await (nodes[node] as mysql.Connection).query(sql, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    },
    async reconnect(node) {
      await nodes[node]?.end().catch(() => undefined);
      nodes[node] = await nodeConnection(serverUrls[node] as string, name);
    },
    async drop() {
      const c = nodes.find(Boolean) as mysql.Connection;
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``).catch(() => undefined);
      await Promise.all(nodes.map((n) => n.end().catch(() => undefined)));
    },
  };
}

/**
 * The schema of the database as node `node` holds it: every table's SHOW CREATE TABLE (without
 * AUTO_INCREMENT counters, which differ per node by design), sorted by name.
 */
export async function nodeSchema(db: ClusterDatabase, node: number): Promise<string[]> {
  const tables = await db.query(node, 'SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME');
  const out: string[] = [];
  for (const { t } of tables) {
    const [row] = await db.query(node, `SHOW CREATE TABLE \`${String(t)}\``);
    out.push(String(Object.values(row ?? {})[1]).replace(/ AUTO_INCREMENT=\d+/, ''));
  }
  return out;
}

/** What one runner child said and how it ended. */
export interface RunnerRun {
  readonly port: number;
  readonly code: number | null;
  readonly messages: Record<string, unknown>[];
  readonly stderr: string;
}

export interface RunnerSpec {
  readonly url: string;
  readonly workload: 'marker' | 'tables' | 'steps';
  readonly count: number;
  readonly leaseMs: number;
  readonly pause?: { readonly event: 'migration:start' | 'step:start' | 'step:done'; readonly migration: string; readonly index?: number; readonly ms: number };
}

const child = fileURLToPath(new URL('./galera-runner-child.mjs', import.meta.url));

/**
 * Starts one runner process per spec at once; `onMessage` sees every line as it comes. Resolves
 * when every runner has exited.
 * @example const runs = await runRunners([{ url: db.urls[0], workload: 'marker', count: 3, leaseMs: 10_000 }]);
 */
export function runRunners(specs: readonly RunnerSpec[], onMessage?: (m: Record<string, unknown>) => void): Promise<RunnerRun[]> {
  return Promise.all(
    specs.map(
      (spec) =>
        new Promise<RunnerRun>((resolve) => {
          const port = Number(new URL(spec.url).port);
          const proc = spawn(process.execPath, [child, JSON.stringify({ ...spec, port })], { stdio: ['ignore', 'pipe', 'pipe'] });
          const messages: Record<string, unknown>[] = [];
          let stderr = '';
          proc.stderr?.on('data', (d) => (stderr += d));
          createInterface({ input: proc.stdout }).on('line', (line) => {
            try {
              const m = JSON.parse(line) as Record<string, unknown>;
              messages.push(m);
              onMessage?.(m);
            } catch {
              stderr += `${line}\n`;
            }
          });
          proc.once('exit', (code) => setImmediate(() => resolve({ port, code, messages, stderr })));
        }),
    ),
  );
}

/**
 * How often each migration was applied (or resumed) over all runners, from their `migration:done`
 * events — a runner killed later still counts what it finished.
 */
export function appliedCounts(runs: readonly RunnerRun[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of runs) {
    for (const m of r.messages) {
      if (m.type === 'progress' && m.event === 'migration:done' && m.outcome !== 'skipped') counts.set(String(m.name), (counts.get(String(m.name)) ?? 0) + 1);
    }
  }
  return counts;
}
