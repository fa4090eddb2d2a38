// For cluster tests: find, SIGKILL and restart one node of the cluster `services:up galera`
// started (the restarted node is recorded, so `services:down` still stops it).
import { GALERA_NODES } from './galera-config.mjs';
import { startGaleraNode, waitForGaleraNode } from './galera.mjs';
import { isAlive } from './processes.mjs';
import { readState, writeState } from './state.mjs';

function clusterState() {
  const state = readState('galera');
  if (!state?.nodes || !state.dataDir) throw new Error('no galera cluster is recorded: run `pnpm services:up galera`');
  return { state, dir: state.dataDir, nodes: state.nodes };
}

/**
 * The node listening on `port` (1-based index, pid), from the cluster's run record.
 * @example galeraNodeByPort(33062) // { index: 2, port: 33062, pid: 4242, … }
 * @param {number} port
 */
export function galeraNodeByPort(port) {
  const node = clusterState().nodes.find((n) => n.port === port);
  if (!node) throw new Error(`no galera node listens on port ${port}`);
  return node;
}

/**
 * SIGKILLs node `index`'s mariadbd (a crash: no shutdown, no goodbye to the cluster).
 * @example killGaleraNode(2)
 * @param {number} index
 */
export function killGaleraNode(index) {
  const node = clusterState().nodes.find((n) => n.index === index);
  if (!node?.pid || !isAlive(node)) throw new Error(`galera node ${index} is not running`);
  process.kill(node.pid, 'SIGKILL');
}

/**
 * Starts node `index` again (it rejoins by IST or SST) and waits until it is Synced in a cluster
 * of all nodes; the new pid is recorded.
 * @example await restartGaleraNode(2)
 * @param {number} index
 * @param {{ timeoutMs?: number }} [options]
 */
export async function restartGaleraNode(index, { timeoutMs = 180_000 } = {}) {
  const { dir } = clusterState();
  const node = startGaleraNode(dir, index);
  const fresh = clusterState().state;
  writeState({ ...fresh, nodes: (fresh.nodes ?? []).map((n) => (n.index === index ? { index, port: node.port, pid: node.pid, startTime: node.startTime } : n)) });
  await waitForGaleraNode(dir, index, { size: GALERA_NODES, timeoutMs, exited: node.exited });
}
