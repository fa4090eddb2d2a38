import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client, policies, types } from 'cassandra-driver';
import { loadServicesEnv } from '@ductape/services/load-env';

loadServicesEnv();

/**
 * The ring's nodes (`host:port`, node 1 first) from DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS, or
 * undefined: the ring is started only on request (`pnpm services:up cassandra-cluster`), so
 * without it the cluster tests are skipped with this reason, in CI too (see the README).
 */
export const clusterHosts = process.env.DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS?.split(',');
export const clusterDc = process.env.DUCTAPE_TEST_CASSANDRA_CLUSTER_DATACENTER ?? 'datacenter1';
export const skipReason = 'DUCTAPE_TEST_CASSANDRA_CLUSTER_HOSTS is not set: start the ring with `pnpm services:up cassandra-cluster` to run the Cassandra ring tests';
if (!clusterHosts) console.warn(`[skip] ${skipReason}`);

/**
 * A driver that only talks to `address` (allow-list load balancing: control connection and every
 * query stay on that node), to read that node's own system_schema and system.local.
 * @example const c = pinnedClient('127.0.0.3:9042'); await c.connect();
 */
export function pinnedClient(address: string): Client {
  return new Client({
    contactPoints: [address],
    localDataCenter: clusterDc,
    policies: { loadBalancing: new policies.loadBalancing.AllowListPolicy(new policies.loadBalancing.DCAwareRoundRobinPolicy(clusterDc), [address]) },
    queryOptions: { consistency: types.consistencies.one },
  });
}

/**
 * What `address` itself holds for `keyspace`: its schema version and its system_schema rows
 * (tables, columns with kind/type/position, indexes) as sorted text, so two nodes compare equal
 * only when they hold the same schema.
 */
export async function nodeSchema(address: string, keyspace: string): Promise<{ version: string; tables: string[]; columns: string[]; indexes: string[] }> {
  const client = pinnedClient(address);
  await client.connect();
  try {
    const q = async (cql: string, params: unknown[] = []) => (await client.execute(cql, params, { prepare: params.length > 0 })).rows;
    const version = String((await q('SELECT schema_version FROM system.local'))[0]?.get('schema_version'));
    const tables = (await q('SELECT table_name, id FROM system_schema.tables WHERE keyspace_name = ?', [keyspace])).map((r) => `${r.get('table_name')} ${r.get('id')}`).sort();
    const columns = (await q('SELECT table_name, column_name, kind, type, position FROM system_schema.columns WHERE keyspace_name = ?', [keyspace]))
      .map((r) => `${r.get('table_name')}.${r.get('column_name')} ${r.get('kind')} ${r.get('type')} ${r.get('position')}`)
      .sort();
    const indexes = (await q('SELECT table_name, index_name, options FROM system_schema.indexes WHERE keyspace_name = ?', [keyspace]))
      .map((r) => `${r.get('table_name')}.${r.get('index_name')} ${JSON.stringify(r.get('options'))}`)
      .sort();
    return { version, tables, columns, indexes };
  } finally {
    await client.shutdown();
  }
}

/** A client on the whole ring, for reading history at ALL (every replica must hold the rows). */
export async function ringClient(): Promise<Client> {
  const client = new Client({ contactPoints: clusterHosts ?? [], localDataCenter: clusterDc });
  await client.connect();
  return client;
}

export interface RunnerOutput {
  readonly applied: string[];
  readonly error?: { name?: string; code?: string; message: string; disagreeing?: { node: string; version?: string; source: string; unreachable?: string }[] };
}

/**
 * Runs test/support/cluster-runner.mjs (the built adapter, in its own process) with `contactPoints`
 * (its first one is where its driver starts) on the first `count` cluster migrations; `onLog`
 * sees each of its progress lines as it is written.
 */
export function runRunner(
  contactPoints: readonly string[],
  keyspace: string,
  { count = 20, agreementMs = 30_000, onLog }: { count?: number; agreementMs?: number; onLog?: (line: string) => void } = {},
): Promise<RunnerOutput & { exitCode: number | null; log: string }> {
  const script = fileURLToPath(new URL('./cluster-runner.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, contactPoints.join(','), keyspace, clusterDc, String(count), String(agreementMs)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  child.stderr.on('data', (d) => {
    const text = String(d);
    // The runner logs one progress line per event (`<ms> ms step:start <name> <index>`).
    if (onLog) for (const line of `${err.slice(err.lastIndexOf('\n') + 1)}${text}`.split('\n').slice(0, -1)) onLog(line);
    err += text;
  });
  return new Promise((resolve) => {
    child.on('exit', (exitCode) => {
      const line = out.trim().split('\n').pop() ?? '';
      let parsed: RunnerOutput;
      try {
        parsed = JSON.parse(line) as RunnerOutput;
      } catch {
        parsed = { applied: [], error: { message: `no JSON line from the runner: ${out}${err}` } };
      }
      resolve({ ...parsed, exitCode, log: `${out}${err}` });
    });
  });
}

/** A keyspace name unique to this run. */
export function clusterKeyspace(label: string): string {
  return `dt_ring_${label}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** `contactPoints` rotated so that `first` leads (every node stays in the list). */
export function startingAt(hosts: readonly string[], first: number): string[] {
  return hosts.map((_, i) => hosts[(first + i) % hosts.length] as string);
}
