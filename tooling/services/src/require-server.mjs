// One rule for every suite: under CI=true a missing server fails; elsewhere it skips.
import { loadServicesEnv } from './load-env.mjs';
import { servers } from './servers.mjs';

export class MissingServerError extends Error {
  code = 'DUCTAPE_TEST_SERVER_MISSING';
}

/**
 * Returns the connection setting for a server, or undefined (with a message) when it is
 * not running outside CI. Under CI=true a missing server throws, so nothing is skipped.
 *
 * @example
 * const url = requireServer('postgres');
 * describe.skipIf(!url)('postgres', () => { ... });
 *
 * @param {keyof typeof servers} name
 * @returns {string | undefined}
 */
export function requireServer(name) {
  const info = servers[name];
  if (!info) throw new Error(`unknown server "${name}"; known: ${Object.keys(servers).join(', ')}`);
  loadServicesEnv();
  const value = process.env[info.envVar];
  if (value) return value;
  const message = `${info.describe} is not available (${info.envVar} is not set): run \`pnpm services:up ${info.service}\``;
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new MissingServerError(`${message}. CI=true: a missing server is a failure, not a skip.`);
  }
  console.warn(`[skip] ${message}`);
  return undefined;
}
