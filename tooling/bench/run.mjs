#!/usr/bin/env node
// `pnpm bench <name>` from the repo root. Each benchmark prints progress lines and, as its last
// line, one JSON object with its figures. Benchmarks are never timed assertions in tests.
import { ensureBuilt } from './src/ensure-built.mjs';

const benches = {
  'pg-apply': () => import('./src/pg-apply.mjs'),
  'pg-status': () => import('./src/pg-status.mjs'),
  'pg-online': () => import('./src/pg-online.mjs'),
  backfill: () => import('./src/backfill.mjs'),
  'sdk-backfill': () => import('./src/sdk-backfill.mjs'), // alias of backfill --db postgres
  fleet: () => import('./src/fleet.mjs'),
  // Adapter-specific ones are src/<db>-<name>.mjs.
  'mysql-apply': () => import('./src/mysql-apply.mjs'),
  'dynamo-gsi': () => import('./src/dynamo-gsi.mjs'),
  // A standalone script (it times cold processes of the CLI): run as its own process.
  'cli-noop': () => ({ script: new URL('./src/cli-noop.mjs', import.meta.url) }),
  'cli-large': () => ({ script: new URL('./src/cli-large.mjs', import.meta.url) }),
};

const name = process.argv[2];
const load = benches[name];
if (!load) {
  console.error(`usage: pnpm bench <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
ensureBuilt();
const { run, script } = await load();
if (script) {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  process.exit(spawnSync(process.execPath, [fileURLToPath(script), ...process.argv.slice(3)], { stdio: 'inherit' }).status ?? 1);
}
try {
  const result = await run(process.argv.slice(3));
  console.log(JSON.stringify(result));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
