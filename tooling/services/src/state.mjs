// Run state: one JSON file per started server, so `down` and `status` find its processes.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateDir } from './paths.mjs';

/**
 * @typedef {object} ServerState
 * @property {string} name
 * @property {'native' | 'testcontainers'} mode
 * @property {number} [pid] process (and process group) id
 * @property {string} [startTime] /proc start time of pid, to tell our process from a reused pid
 * @property {string} [containerId]
 * @property {NodeJS.Signals} [stopSignal]
 * @property {string} [dataDir] temporary directory removed by `down`
 * @property {string} logFile
 * @property {number} port
 * @property {Record<string, string>} env variables for .services.env
 * @property {string} startedAt
 * @property {GaleraNodeState[]} [nodes] the processes of a cluster (galera), one per node
 */

/**
 * @typedef {object} GaleraNodeState
 * @property {number} index 1-based
 * @property {number} port
 * @property {string} [host] the node's own address (a Cassandra ring node: 127.0.0.2, …)
 * @property {number} [pid]
 * @property {string} [startTime]
 */

/** @param {string} name */
function file(name) {
  return join(stateDir(), `${name}.json`);
}

/** @param {ServerState} state */
export function writeState(state) {
  mkdirSync(stateDir(), { recursive: true });
  writeFileSync(file(state.name), `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * @param {string} name
 * @returns {ServerState | undefined}
 */
export function readState(name) {
  try {
    return JSON.parse(readFileSync(file(name), 'utf8'));
  } catch {
    return undefined;
  }
}

/** @param {string} name */
export function removeState(name) {
  rmSync(file(name), { force: true });
}

/** @returns {ServerState[]} */
export function listStates() {
  let names = [];
  try {
    names = readdirSync(stateDir()).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((f) => readState(f.slice(0, -5))).filter((s) => s !== undefined);
}
