// Where things live: the install cache, run state, logs and the repo's .services.env.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the monorepo (tooling/services/src -> ../../..). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Install cache shared by every run: ~/.cache/ductape-services unless DUCTAPE_SERVICES_CACHE is set. */
export function cacheDir() {
  return process.env.DUCTAPE_SERVICES_CACHE ?? join(homedir(), '.cache', 'ductape-services');
}

/** One JSON file per running server (pid, data directory, port). */
export function stateDir() {
  return join(cacheDir(), 'run');
}

/** Server logs survive `down` so a failure can be read afterwards. */
export function logDir() {
  return join(cacheDir(), 'logs');
}

/** @param {string} name */
export function logFile(name) {
  return join(logDir(), `${name}.log`);
}

/** The gitignored file `up` writes and test setups load. */
export function envFilePath() {
  return process.env.DUCTAPE_SERVICES_ENV_FILE ?? join(repoRoot, '.services.env');
}
