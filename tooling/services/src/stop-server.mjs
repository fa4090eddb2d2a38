// Stops one recorded server (process group or container) and removes its temporary data.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { isAlive, stopProcessGroup } from './processes.mjs';
import { removeState } from './state.mjs';

/** @param {import('./state.mjs').ServerState} state */
export function isRunning(state) {
  if (state.mode === 'testcontainers') return state.containerId !== undefined;
  if (state.nodes) return state.nodes.some((n) => isAlive(n));
  return isAlive(state);
}

/**
 * @param {import('./state.mjs').ServerState} state
 * @returns {Promise<{ killed: number[] }>}
 */
export async function stopServer(state) {
  /** @type {number[]} */
  let killed = [];
  if (state.mode === 'testcontainers' && state.containerId) {
    try {
      execFileSync('docker', ['rm', '-f', '-v', state.containerId], { stdio: 'ignore' });
    } catch {
      // already removed
    }
  } else if (state.nodes) {
    // A cluster: every node at once (a node restarted by a test is recorded with its new pid).
    killed = (await Promise.all(state.nodes.map((n) => stopProcessGroup({ ...n, stopSignal: state.stopSignal }, 20_000)))).flat();
  } else {
    killed = await stopProcessGroup(state, state.name === 'cassandra' ? 30_000 : 15_000);
  }
  if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
  removeState(state.name);
  return { killed };
}
