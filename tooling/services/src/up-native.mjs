// `up` for one natively run server: reuse it when healthy, else install (cached), start in
// a fresh temporary directory, wait for its health check, record its pid.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portInUse, waitUntilHealthy } from './health.mjs';
import { logDir, logFile as logFileOf } from './paths.mjs';
import { isAlive } from './processes.mjs';
import { portFor } from './registry.mjs';
import { readState, writeState } from './state.mjs';
import { stopServer } from './stop-server.mjs';

export class ServiceStartError extends Error {
  /**
   * @param {string} service
   * @param {string} logFile
   * @param {string} reason
   */
  constructor(service, logFile, reason) {
    super(`${service} failed to start: ${reason}\n  log: ${logFile}`);
    this.service = service;
    this.logFile = logFile;
  }
}

/**
 * @typedef {object} UpResult
 * @property {string} name
 * @property {'started' | 'already running'} status
 * @property {number} port
 * @property {number | undefined} pid
 * @property {number} installMs
 * @property {number} startMs
 * @property {string} logFile
 */

/**
 * @param {import('./service.mjs').NativeService} service
 * @returns {Promise<UpResult>}
 */
export async function upNative(service) {
  const port = portFor(service);
  const logFile = logFileOf(service.name);
  const previous = readState(service.name);
  if (previous && isAlive(previous)) {
    if (await service.probe(previous.port).catch(() => false)) {
      return { name: service.name, status: 'already running', port: previous.port, pid: previous.pid, installMs: 0, startMs: 0, logFile };
    }
  }
  if (previous) await stopServer(previous); // dead or unhealthy: clean it up, start afresh
  if (await portInUse(port)) {
    const variable = `DUCTAPE_SERVICES_${service.name.toUpperCase()}_PORT`;
    throw new ServiceStartError(service.name, logFile, `port ${port} is already in use by another process; stop it or set ${variable}`);
  }
  mkdirSync(logDir(), { recursive: true });
  writeFileSync(logFile, `# ${service.name}: services:up at ${new Date().toISOString()}\n`, { flag: 'w' });

  const installStart = Date.now();
  try {
    await service.install({ logFile });
  } catch (error) {
    throw new ServiceStartError(service.name, logFile, `install failed: ${/** @type {Error} */ (error).message}`);
  }
  const installMs = Date.now() - installStart;

  const startStart = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), `ductape-services-${service.name}-`));
  const ctx = { port, dataDir, logFile };
  /** @type {import('./state.mjs').ServerState} */
  let state = { name: service.name, mode: 'native', dataDir, logFile, port, env: service.env(port), startedAt: new Date().toISOString() };
  try {
    const started = await service.start(ctx);
    state = { ...state, pid: started.pid, startTime: started.startTime, stopSignal: started.stopSignal };
    writeState(state); // before the health check, so `down` can always clean up
    const timeoutMs = Number(process.env.DUCTAPE_SERVICES_TIMEOUT_MS ?? service.timeoutMs);
    await waitUntilHealthy(() => service.probe(port), { timeoutMs, exited: started.exited });
    await service.afterStart?.(ctx);
  } catch (error) {
    await stopServer(state);
    throw new ServiceStartError(service.name, logFile, /** @type {Error} */ (error).message);
  }
  return { name: service.name, status: 'started', port, pid: state.pid, installMs, startMs: Date.now() - startStart, logFile };
}
