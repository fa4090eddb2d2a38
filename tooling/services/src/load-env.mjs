// Loads .services.env into process.env for test setups. Variables already set win, so a
// developer can point a suite at their own server.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnvFile } from './env-file.mjs';
import { envFilePath } from './paths.mjs';

/**
 * Reads the file written by `pnpm services:up` and copies its variables into process.env
 * (without overriding). Returns what the file held; an empty object when there is no file.
 *
 * @example
 * import { loadServicesEnv } from '@ductape/services/load-env';
 * loadServicesEnv();
 * const url = process.env.DUCTAPE_TEST_POSTGRES_URL;
 *
 * @param {string} [file]
 * @returns {Record<string, string>}
 */
export function loadServicesEnv(file = envFilePath()) {
  if (!existsSync(file)) return {};
  const vars = parseEnvFile(readFileSync(file, 'utf8'));
  for (const [key, value] of Object.entries(vars)) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return vars;
}
