// What each node of the Cassandra ring says about the ring: over CQL (its own system.local,
// system.peers and gossip state, read through a driver pinned to that node) and through
// `nodetool status` (up/down and normal/joining, as the node's failure detector sees them).
import cassandra from 'cassandra-driver';
import { moduleFlags } from './cassandra-config.mjs';
import { findJava } from './java-runtime.mjs';
import { captureCommand } from './run-command.mjs';

const { Client, policies } = cassandra;

/**
 * A driver that only ever talks to `host:port` (allow-list load balancing: its control
 * connection and every query stay on that node), for reading that node's own tables.
 * @example const client = pinnedClient('127.0.0.3', 9042); await client.connect();
 * @param {string} host
 * @param {number} port
 */
export function pinnedClient(host, port) {
  const address = `${host}:${port}`;
  return new Client({
    contactPoints: [address],
    localDataCenter: 'datacenter1',
    policies: { loadBalancing: new policies.loadBalancing.AllowListPolicy(new policies.loadBalancing.DCAwareRoundRobinPolicy('datacenter1'), [address]) },
    socketOptions: { connectTimeout: 3000, readTimeout: 5000 },
    pooling: { coreConnectionsPerHost: { 0: 1, 1: 1, 2: 1 }, heartBeatInterval: 0 },
  });
}

/**
 * @typedef {object} NodeView
 * @property {string} bootstrapped system.local.bootstrapped ('COMPLETED' once joined)
 * @property {string} schema its own schema version
 * @property {{ address: string, schema: string | undefined, hostId: string | undefined }[]} peers system.peers
 * @property {Record<string, string>} gossipStatus address → STATUS_WITH_PORT's first word (NORMAL, BOOT, …)
 */

/**
 * One node's view of the ring, or undefined while it does not answer.
 * @example await nodeView('127.0.0.2', 9042) // { bootstrapped: 'COMPLETED', schema: '…', peers: [2 rows], gossipStatus: {…} }
 * @param {string} host
 * @param {number} port
 * @returns {Promise<NodeView | undefined>}
 */
export async function nodeView(host, port) {
  const client = pinnedClient(host, port);
  try {
    await client.connect();
    const local = (await client.execute('SELECT bootstrapped, schema_version FROM system.local')).first();
    const peers = (await client.execute('SELECT peer, schema_version, host_id FROM system.peers')).rows;
    const gossip = (await client.execute('SELECT address, status, status_with_port FROM system_views.gossip_info')).rows;
    return {
      bootstrapped: String(local?.get('bootstrapped') ?? ''),
      schema: String(local?.get('schema_version') ?? ''),
      peers: peers.map((r) => ({ address: String(r.get('peer')), schema: r.get('schema_version')?.toString(), hostId: r.get('host_id')?.toString() })),
      gossipStatus: Object.fromEntries(gossip.map((r) => [String(r.get('address')), String(r.get('status_with_port') ?? r.get('status') ?? '').split(/[,:]/)[0] ?? ''])),
    };
  } catch {
    return undefined;
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}

/**
 * Why the views do not yet make a complete ring of `size` nodes, or undefined when they do: every
 * node answers, has joined (bootstrapped COMPLETED), knows size - 1 peers with host ids, gossips
 * NORMAL for all size nodes, and all report one schema version.
 * @example ringProblem([viewA, viewB, viewC], ['127.0.0.2', '127.0.0.3', '127.0.0.4']) // undefined
 * @param {(NodeView | undefined)[]} views
 * @param {string[]} hosts
 */
export function ringProblem(views, hosts) {
  const size = hosts.length;
  /** @type {Set<string>} */
  const schemas = new Set();
  for (const [i, view] of views.entries()) {
    const host = hosts[i];
    if (!view) return `${host} does not answer CQL`;
    if (view.bootstrapped !== 'COMPLETED') return `${host} has not joined yet (bootstrapped: ${view.bootstrapped || 'null'})`;
    const known = view.peers.filter((p) => p.hostId !== undefined);
    if (known.length !== size - 1) return `${host} knows ${known.length} of ${size - 1} peers`;
    const normal = Object.values(view.gossipStatus).filter((s) => s === 'NORMAL').length;
    if (normal !== size) return `${host} gossips ${normal} of ${size} nodes as NORMAL`;
    schemas.add(view.schema);
    for (const p of view.peers) schemas.add(p.schema ?? 'none');
  }
  if (schemas.size !== 1) return `the nodes report ${schemas.size} schema versions`;
  return undefined;
}

/**
 * `nodetool status` through node `jmxPort`'s local JMX: its lines per node, e.g.
 * `{ state: 'UN', address: '127.0.0.2' }` (U/D = up/down, N/J/L/M = normal/joining/leaving/moving).
 * @example await nodetoolStatus(libDir, 7201) // [{ state: 'UN', address: '127.0.0.2' }, …]
 * @param {string} libDir the cached install's jars
 * @param {number} jmxPort
 * @param {string} logbackFile a logback.xml (without one, logback trips over a jar's resources)
 */
export async function nodetoolStatus(libDir, jmxPort, logbackFile) {
  const { java } = findJava([17, 11], process.env.DUCTAPE_CASSANDRA_JAVA);
  const args = ['-Xmx128m', ...moduleFlags, `-Dlogback.configurationFile=file://${logbackFile}`, '-Dcassandra.logdir=/tmp', '-cp', `${libDir}/*`, 'org.apache.cassandra.tools.NodeTool'];
  const out = await captureCommand(java, [...args, '-h', '127.0.0.1', '-p', String(jmxPort), 'status']);
  return out
    .split('\n')
    .map((line) => /^([UD][NJLM])\s+(\d+\.\d+\.\d+\.\d+)/.exec(line.trim()))
    .filter((m) => m !== null)
    .map((m) => ({ state: m[1] ?? '', address: m[2] ?? '' }));
}
