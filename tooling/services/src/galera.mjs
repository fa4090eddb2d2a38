// `services:up galera`: a 3-node MariaDB Galera cluster on one machine (Debian's mariadb-server
// and galera-4, rsync SST). Node 1 bootstraps the cluster; nodes 2 and 3 join it one after the
// other (each by SST from a synced node); `up` returns once every node says Synced and
// wsrep_cluster_size = 3.
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDebPackages } from './debian-packages.mjs';
import { GALERA_NODES, galeraDefaults, galeraPorts, nodeDir } from './galera-config.mjs';
import { portInUse } from './health.mjs';
import { logDir, logFile as logFileOf } from './paths.mjs';
import { isAlive, startDetached } from './processes.mjs';
import { promisify } from 'node:util';
import { runCommand } from './run-command.mjs';
import { readState, writeState } from './state.mjs';
import { stopServer } from './stop-server.mjs';
import { systemUser } from './system-user.mjs';

const PROVIDER = '/usr/lib/galera/libgalera_smm.so';

/** @param {string} name */
function findBinary(name) {
  return ['/usr/sbin', '/usr/bin', '/usr/local/bin'].map((d) => join(d, name)).find((p) => existsSync(p));
}

/** @param {string} name */
function binary(name) {
  const found = findBinary(name);
  if (!found) throw new Error(`${name} not found`);
  return found;
}

/** Debian's mariadb-server, galera-4 and rsync, installed with apt-get when missing (cached). @param {string} logFile */
export async function installGalera(logFile) {
  if (!findBinary('mariadbd') || !findBinary('mariadb-install-db') || !findBinary('mariadb') || !existsSync(PROVIDER) || !findBinary('rsync') || !findBinary('wsrep_sst_rsync')) {
    await ensureDebPackages(['mariadb-server', 'mariadb-client', 'galera-4', 'rsync'], logFile);
  }
  if (!existsSync(PROVIDER)) throw new Error(`${PROVIDER} not found after installing galera-4`);
}

/** The cluster's env settings: one URL per node, node 1 first. */
export function galeraEnv() {
  const urls = Array.from({ length: GALERA_NODES }, (_, i) => `mariadb://root@127.0.0.1:${galeraPorts(i + 1).port}/ductape`);
  return { DUCTAPE_TEST_GALERA_URLS: urls.join(',') };
}

/**
 * Starts mariadbd for node `index` of the cluster in `dir` (its defaults file written there).
 * @param {string} dir
 * @param {number} index
 * @param {{ bootstrap?: boolean }} [options] bootstrap: `--wsrep-new-cluster` (first node only)
 */
export function startGaleraNode(dir, index, { bootstrap = false } = {}) {
  const file = join(nodeDir(dir, index), 'my.cnf');
  writeFileSync(file, galeraDefaults(dir, index));
  const user = systemUser('mysql') ? ['--user=mysql'] : [];
  const started = startDetached({
    command: binary('mariadbd'),
    args: [`--defaults-file=${file}`, ...user, ...(bootstrap ? ['--wsrep-new-cluster'] : [])],
    logFile: logFileOf(`galera-n${index}`),
  });
  return { index, port: galeraPorts(index).port, pid: started.pid, startTime: started.startTime, exited: started.exited };
}

/**
 * wsrep status of node `index` through its socket: cluster size, state ('Synced', 'Joining', …)
 * and ready; undefined while the node does not answer.
 * @param {string} dir
 * @param {number} index
 */
export async function galeraNodeStatus(dir, index) {
  const socket = join(nodeDir(dir, index), 'mysqld.sock');
  try {
    // execFile (not captureCommand): it resolves once stdout is read to its end.
    const { stdout: out } = await promisify(execFile)(binary('mariadb'), [
      '--no-defaults',
      `--socket=${socket}`,
      '-uroot',
      '-N',
      '-B',
      '-e',
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready')",
    ]);
    const v = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((line) => line.split('\t')),
    );
    return { size: Number(v.wsrep_cluster_size ?? 0), state: String(v.wsrep_local_state_comment ?? ''), ready: v.wsrep_ready === 'ON' };
  } catch {
    return undefined;
  }
}

/**
 * Waits until node `index` is Synced and ready in a cluster of at least `size` nodes; fails early
 * when its process ends.
 * @param {string} dir
 * @param {number} index
 * @param {{ size: number, timeoutMs: number, exited?: Promise<string> }} options
 */
export async function waitForGaleraNode(dir, index, { size, timeoutMs, exited }) {
  /** @type {string | undefined} */
  let died;
  exited?.then((reason) => (died = reason));
  const deadline = Date.now() + timeoutMs;
  /** @type {Awaited<ReturnType<typeof galeraNodeStatus>>} */
  let last;
  while (Date.now() < deadline) {
    if (died !== undefined) throw new Error(`node ${index} ${died} before it was synced (log: ${logFileOf(`galera-n${index}`)})`);
    last = await galeraNodeStatus(dir, index);
    if (last?.ready && last.state === 'Synced' && last.size >= size) return last;
    await sleep(500);
  }
  const seen = last ? `state ${last.state}, cluster size ${last.size}, ready ${last.ready}` : 'no answer';
  throw new Error(`node ${index} not synced in a cluster of ${size} within ${Math.round(timeoutMs / 1000)} s (${seen}; log: ${logFileOf(`galera-n${index}`)})`);
}

/** @param {string} path */
function chownMysql(path) {
  if (systemUser('mysql')) execFileSync('chown', ['-R', 'mysql:mysql', path]);
}

/**
 * `up` for the cluster: reuse it when every recorded node is alive and synced, else start afresh.
 * @returns {Promise<import('./up-native.mjs').UpResult>}
 */
export async function upGalera() {
  const logFile = logFileOf('galera');
  const timeoutMs = Number(process.env.DUCTAPE_SERVICES_TIMEOUT_MS ?? 120_000);
  const previous = readState('galera');
  if (previous?.nodes && previous.dataDir && previous.nodes.every((n) => isAlive(n))) {
    const dir = previous.dataDir;
    const states = await Promise.all(previous.nodes.map((n) => galeraNodeStatus(dir, n.index)));
    if (states.every((s) => s?.state === 'Synced' && s.size === GALERA_NODES)) {
      return { name: 'galera', status: 'already running', port: previous.port, pid: previous.pid, installMs: 0, startMs: 0, logFile };
    }
  }
  if (previous) await stopServer(previous);
  for (let i = 1; i <= GALERA_NODES; i++) {
    const p = galeraPorts(i);
    for (const port of [p.port, p.gcomm, p.ist, p.sst]) {
      if (await portInUse(port))
        throw new Error(
          `galera failed to start: port ${port} (node ${i}) is already in use; stop that process or set DUCTAPE_SERVICES_GALERA_PORT / DUCTAPE_SERVICES_GALERA_GCOMM_PORT\n  log: ${logFile}`,
        );
    }
  }
  mkdirSync(logDir(), { recursive: true });
  writeFileSync(logFile, `# galera: services:up at ${new Date().toISOString()}\n`, { flag: 'w' });

  const installStart = Date.now();
  await installGalera(logFile).catch((/** @type {Error} */ error) => {
    throw new Error(`galera failed to start: install failed: ${error.message}\n  log: ${logFile}`);
  });
  const installMs = Date.now() - installStart;

  const startStart = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'ductape-services-galera-'));
  /** @type {import('./state.mjs').ServerState} */
  let state = { name: 'galera', mode: 'native', dataDir: dir, logFile, port: galeraPorts(1).port, env: galeraEnv(), startedAt: new Date().toISOString(), nodes: [] };
  try {
    const user = systemUser('mysql') ? ['--user=mysql'] : [];
    for (let i = 1; i <= GALERA_NODES; i++) mkdirSync(nodeDir(dir, i));
    chownMysql(dir);
    const first = join(nodeDir(dir, 1), 'data');
    await runCommand(binary('mariadb-install-db'), ['--no-defaults', ...user, `--datadir=${first}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { logFile });
    // The joiners' data is replaced by SST; a copy gives them system tables to start with.
    for (let i = 2; i <= GALERA_NODES; i++) cpSync(first, join(nodeDir(dir, i), 'data'), { recursive: true });
    chownMysql(dir);
    for (let i = 1; i <= GALERA_NODES; i++) {
      const node = startGaleraNode(dir, i, { bootstrap: i === 1 });
      state = {
        ...state,
        pid: state.pid ?? node.pid,
        startTime: state.startTime ?? node.startTime,
        stopSignal: 'SIGTERM',
        nodes: [...(state.nodes ?? []), { index: i, port: node.port, pid: node.pid, startTime: node.startTime }],
      };
      writeState(state); // before the health check, so `down` can always clean up
      await waitForGaleraNode(dir, i, { size: i, timeoutMs, exited: node.exited });
    }
    for (let i = 1; i <= GALERA_NODES; i++) await waitForGaleraNode(dir, i, { size: GALERA_NODES, timeoutMs });
    await runCommand(binary('mariadb'), ['--no-defaults', `--socket=${join(nodeDir(dir, 1), 'mysqld.sock')}`, '-uroot', '-e', 'CREATE DATABASE IF NOT EXISTS ductape'], { logFile });
  } catch (error) {
    await stopServer(state);
    throw new Error(`galera failed to start: ${/** @type {Error} */ (error).message}\n  log: ${logFile}`);
  }
  return { name: 'galera', status: 'started', port: state.port, pid: state.pid, installMs, startMs: Date.now() - startStart, logFile };
}
