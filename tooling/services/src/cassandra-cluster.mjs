// `services:up cassandra-cluster`: a 3-node Cassandra 5 ring on one machine, on 127.0.0.2–4
// (the single `cassandra` node keeps 127.0.0.1), from the same cached install as the single node.
// Nodes start one after another (a node joining while another one joins is refused); `up`
// returns once every node has joined, sees the other two, reports the same schema version, and
// `nodetool status` lists three UN nodes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cassandra, jammJar, libDir } from './cassandra.mjs';
import { cassandraJvmArgs, cassandraYaml, logbackXml } from './cassandra-config.mjs';
import { RING_NODES, ringEnv, ringNodeAddress, ringYamlOptions } from './cassandra-ring-config.mjs';
import { nodeView, nodetoolStatus, ringProblem } from './cassandra-ring-view.mjs';
import { cqlOptionsFrame, isCqlSupported, tcpProbe, waitUntilHealthy } from './health.mjs';
import { findJava } from './java-runtime.mjs';
import { logDir, logFile as logFileOf } from './paths.mjs';
import { isAlive, startDetached } from './processes.mjs';
import { readState, writeState } from './state.mjs';
import { stopServer } from './stop-server.mjs';

export const CLUSTER_NAME = 'cassandra-cluster';

/** @param {string} dir @param {number} index */
export function ringNodeDir(dir, index) {
  return join(dir, `n${index}`);
}

/** The CQL OPTIONS probe of node `index` (its native port answers last in its start). @param {number} index */
export function probeRingNode(index) {
  const node = ringNodeAddress(index);
  return tcpProbe(node.port, { host: node.host, send: cqlOptionsFrame, accept: isCqlSupported });
}

/**
 * Starts node `index` of the ring whose data lives in `dir` (its yaml and logback written there).
 * @example startRingNode('/tmp/ductape-services-cassandra-cluster-x', 2)
 * @param {string} dir
 * @param {number} index
 */
export function startRingNode(dir, index) {
  const node = ringNodeAddress(index);
  const dataDir = ringNodeDir(dir, index);
  mkdirSync(dataDir, { recursive: true });
  const configFile = join(dataDir, 'cassandra.yaml');
  const logbackFile = join(dataDir, 'logback.xml');
  writeFileSync(configFile, cassandraYaml({ dataDir, port: node.port, storagePort: node.storagePort, ...ringYamlOptions(index) }));
  writeFileSync(logbackFile, logbackXml);
  const { java } = findJava([17, 11], process.env.DUCTAPE_CASSANDRA_JAVA);
  const args = cassandraJvmArgs({
    libDir: libDir(),
    jammJar: jammJar(),
    dataDir,
    configFile,
    logbackFile,
    heap: process.env.DUCTAPE_CASSANDRA_CLUSTER_HEAP ?? '768M',
    initialHeap: process.env.DUCTAPE_CASSANDRA_CLUSTER_INITIAL_HEAP ?? '256M',
    jmxPort: node.jmxPort,
    // Long enough for a joining node to hear the seed's gossip before it takes its tokens.
    ringDelayMs: 2000,
  });
  const started = startDetached({ command: java, args, logFile: logFileOf(`${CLUSTER_NAME}-n${index}`), cwd: dataDir });
  return { index, host: node.host, port: node.port, pid: started.pid, startTime: started.startTime, exited: started.exited };
}

/** Every node's view of the ring, in node order. */
export function ringViews() {
  return Promise.all(Array.from({ length: RING_NODES }, (_, i) => ringNodeAddress(i + 1)).map((n) => nodeView(n.host, n.port)));
}

/**
 * Waits until the ring is complete (ringProblem says nothing) and `nodetool status` on node 1
 * lists RING_NODES nodes, all UN.
 * @param {string} dir the ring's directory
 * @param {{ timeoutMs: number }} options
 */
export async function waitForRing(dir, { timeoutMs }) {
  const hosts = Array.from({ length: RING_NODES }, (_, i) => ringNodeAddress(i + 1).host);
  const deadline = Date.now() + timeoutMs;
  let problem = 'not checked yet';
  while (Date.now() < deadline) {
    problem = ringProblem(await ringViews(), hosts) ?? '';
    if (!problem) {
      const lines = await nodetoolStatus(libDir(), ringNodeAddress(1).jmxPort, join(ringNodeDir(dir, 1), 'logback.xml')).catch((/** @type {Error} */ e) => [
        { state: `nodetool failed: ${e.message}`, address: '' },
      ]);
      const up = lines.filter((l) => l.state === 'UN' && hosts.includes(l.address));
      if (up.length === RING_NODES) return;
      problem = `nodetool status: ${lines.map((l) => `${l.state} ${l.address}`).join(', ') || 'no node lines'}`;
    }
    await sleep(1000);
  }
  throw new Error(`the ring was not complete within ${Math.round(timeoutMs / 1000)} s: ${problem}`);
}

/**
 * `up` for the ring: reuse it when every recorded node is alive and the ring is complete, else
 * start it afresh in a new temporary directory.
 * @returns {Promise<import('./up-native.mjs').UpResult & { host: string }>}
 */
export async function upCassandraCluster() {
  const logFile = logFileOf(CLUSTER_NAME);
  const timeoutMs = Number(process.env.DUCTAPE_SERVICES_TIMEOUT_MS ?? 240_000);
  const first = ringNodeAddress(1);
  const previous = readState(CLUSTER_NAME);
  if (previous?.nodes?.every((n) => isAlive(n))) {
    const hosts = previous.nodes.map((n) => n.host ?? '');
    if (!ringProblem(await ringViews(), hosts)) {
      return { name: CLUSTER_NAME, status: 'already running', host: first.host, port: first.port, pid: previous.pid, installMs: 0, startMs: 0, logFile };
    }
  }
  if (previous) await stopServer(previous);
  for (let i = 1; i <= RING_NODES; i++) {
    const n = ringNodeAddress(i);
    for (const [host, port] of [
      [n.host, n.port],
      [n.host, n.storagePort],
      ['127.0.0.1', n.jmxPort],
    ]) {
      if (await tcpProbe(Number(port), { host: String(host), timeoutMs: 1000 }))
        throw new Error(
          `${CLUSTER_NAME} failed to start: ${host}:${port} (node ${i}) is already in use; stop that process or set DUCTAPE_SERVICES_CASSANDRA_CLUSTER_PORT / _STORAGE_PORT / _JMX_PORT\n  log: ${logFile}`,
        );
    }
  }
  mkdirSync(logDir(), { recursive: true });
  writeFileSync(logFile, `# ${CLUSTER_NAME}: services:up at ${new Date().toISOString()}\n`, { flag: 'w' });

  const installStart = Date.now();
  try {
    await cassandra.install({ logFile }); // the single node's cached install (skipped when cached)
  } catch (error) {
    throw new Error(`${CLUSTER_NAME} failed to start: install failed: ${/** @type {Error} */ (error).message}\n  log: ${logFile}`);
  }
  const installMs = Date.now() - installStart;

  const startStart = Date.now();
  const dir = mkdtempSync(join(tmpdir(), `ductape-services-${CLUSTER_NAME}-`));
  /** @type {import('./state.mjs').ServerState} */
  let state = { name: CLUSTER_NAME, mode: 'native', dataDir: dir, logFile, port: first.port, env: ringEnv(), startedAt: new Date().toISOString(), stopSignal: 'SIGTERM', nodes: [] };
  try {
    for (let i = 1; i <= RING_NODES; i++) {
      const node = startRingNode(dir, i);
      state = {
        ...state,
        pid: state.pid ?? node.pid,
        startTime: state.startTime ?? node.startTime,
        nodes: [...(state.nodes ?? []), { index: i, host: node.host, port: node.port, pid: node.pid, startTime: node.startTime }],
      };
      writeState(state); // before the health check, so `down` can always clean up
      await waitUntilHealthy(() => probeRingNode(i), { timeoutMs, intervalMs: 500, exited: node.exited }).catch((/** @type {Error} */ e) => {
        throw new Error(`node ${i} (${node.host}): ${e.message} (log: ${logFileOf(`${CLUSTER_NAME}-n${i}`)})`);
      });
    }
    await waitForRing(dir, { timeoutMs });
  } catch (error) {
    await stopServer(state);
    throw new Error(`${CLUSTER_NAME} failed to start: ${/** @type {Error} */ (error).message}\n  log: ${logFile}`);
  }
  return { name: CLUSTER_NAME, status: 'started', host: first.host, port: first.port, pid: state.pid, installMs, startMs: Date.now() - startStart, logFile };
}

/**
 * One line per node for `services:status`: its own view (joined, peers, schema) or DOWN.
 * @param {import('./state.mjs').ServerState} state
 */
export async function ringNodeLines(state) {
  const views = await Promise.all((state.nodes ?? []).map((n) => (isAlive(n) ? nodeView(n.host ?? '', n.port) : Promise.resolve(undefined))));
  return (state.nodes ?? []).map((n, i) => {
    const v = views[i];
    const what = !isAlive(n) ? 'DOWN' : v ? `${v.bootstrapped === 'COMPLETED' ? 'joined' : v.bootstrapped}, ${v.peers.length} peers, schema ${v.schema.slice(0, 8)}` : 'not answering';
    return { node: n, what };
  });
}
