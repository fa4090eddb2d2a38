// For cluster tests: find a node of the ring `services:up cassandra-cluster` started, pause it
// (SIGSTOP: a node that hangs — no answer, no gossip, connections left open) and resume it, or
// kill it (SIGKILL: a crash) and start it again on its own data.
import { probeRingNode, startRingNode, waitForRing } from './cassandra-cluster.mjs';
import { waitUntilHealthy } from './health.mjs';
import { isAlive } from './processes.mjs';
import { readState, writeState } from './state.mjs';

/**
 * The ring's nodes from its run record: index, host, CQL port, pid.
 * @example ringNodes() // [{ index: 1, host: '127.0.0.2', port: 9042, pid: 4242, … }, …]
 */
export function ringNodes() {
  const state = readState('cassandra-cluster');
  if (!state?.nodes) throw new Error('no Cassandra ring is recorded: run `pnpm services:up cassandra-cluster`');
  return state.nodes;
}

/** @param {number} index */
function runningNode(index) {
  const node = ringNodes().find((n) => n.index === index);
  if (!node?.pid || !isAlive(node)) throw new Error(`ring node ${index} is not running`);
  return /** @type {{ pid: number, host?: string, index: number }} */ (node);
}

/**
 * Freezes node `index`'s JVM with SIGSTOP. Always resume it (resumeRingNode) in a `finally`:
 * `services:down` would otherwise wait 20 s before it SIGKILLs the frozen node.
 * @example pauseRingNode(3)
 * @param {number} index
 */
export function pauseRingNode(index) {
  process.kill(runningNode(index).pid, 'SIGSTOP');
}

/**
 * Lets node `index`'s JVM run again (SIGCONT).
 * @example resumeRingNode(3)
 * @param {number} index
 */
export function resumeRingNode(index) {
  process.kill(runningNode(index).pid, 'SIGCONT');
}

/**
 * SIGKILLs node `index`'s JVM (a crash: no drain, no goodbye to the ring). Always start it again
 * (restartRingNode) in a `finally` / `afterAll`: others share the ring.
 * @example killRingNode(3)
 * @param {number} index
 */
export function killRingNode(index) {
  process.kill(runningNode(index).pid, 'SIGKILL');
}

/**
 * Whether node `index`'s recorded process is alive (a paused node counts as alive).
 * @example isRingNodeAlive(3) // false after killRingNode(3)
 * @param {number} index
 */
export function isRingNodeAlive(index) {
  const node = ringNodes().find((n) => n.index === index);
  return node !== undefined && isAlive(node);
}

/**
 * Starts node `index` again on its own data directory (commit log replayed, same tokens) when its
 * process is gone, records the new pid (so `services:down` still stops it), and waits until the
 * ring is complete again: every node joined, gossiping NORMAL, one schema version, `nodetool
 * status` all UN. A node that is still running is only waited for. Resolves the restart's time.
 * @example await restartRingNode(3) // { restarted: true, ms: 41250 }
 * @param {number} index
 * @param {{ timeoutMs?: number }} [options]
 */
export async function restartRingNode(index, { timeoutMs = 300_000 } = {}) {
  const state = readState('cassandra-cluster');
  if (!state?.nodes || !state.dataDir) throw new Error('no Cassandra ring is recorded: run `pnpm services:up cassandra-cluster`');
  const began = Date.now();
  let restarted = false;
  if (!isRingNodeAlive(index)) {
    const node = startRingNode(state.dataDir, index);
    const fresh = readState('cassandra-cluster') ?? state;
    writeState({
      ...fresh,
      ...(index === 1 ? { pid: node.pid, startTime: node.startTime } : {}),
      nodes: (fresh.nodes ?? []).map((n) => (n.index === index ? { index, host: node.host, port: node.port, pid: node.pid, startTime: node.startTime } : n)),
    });
    restarted = true;
    await waitUntilHealthy(() => probeRingNode(index), { timeoutMs, intervalMs: 500, exited: node.exited });
  }
  await waitForRing(state.dataDir, { timeoutMs: Math.max(10_000, timeoutMs - (Date.now() - began)) });
  return { restarted, ms: Date.now() - began };
}
