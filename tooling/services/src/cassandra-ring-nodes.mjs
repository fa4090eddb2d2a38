// For cluster tests: find a node of the ring `services:up cassandra-cluster` started, pause it
// (SIGSTOP: a node that hangs — no answer, no gossip, connections left open) and resume it.
import { isAlive } from './processes.mjs';
import { readState } from './state.mjs';

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
