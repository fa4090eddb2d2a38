// Rewrites .services.env from the servers that are running now.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { formatEnvFile } from './env-file.mjs';
import { envFilePath } from './paths.mjs';
import { isRunning } from './stop-server.mjs';
import { listStates } from './state.mjs';

export function writeServicesEnv() {
  /** @type {Record<string, string>} */
  const vars = {};
  for (const state of listStates()) {
    if (isRunning(state)) Object.assign(vars, state.env);
  }
  const file = envFilePath();
  if (Object.keys(vars).length === 0) {
    rmSync(file, { force: true });
    return { file, vars };
  }
  // Written beside it, then renamed over it: a test setup reading it meanwhile sees the old file
  // or the new one, never a half-written one (which skipped a whole test file once).
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, formatEnvFile(vars, 'Written by `pnpm services:up`; loaded by the test setups. Do not commit.'));
  renameSync(next, file);
  return { file, vars };
}
