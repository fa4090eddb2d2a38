// Runs spec examples in this one process (PGlite's WASM compiles once, not once per example),
// each in a fresh working directory with its own databases, and prints one JSON line per run:
// { file, ok, stdout, error }. Usage: node run-spec-examples.mjs <file>…  (a file may repeat)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const dirs = new Map();
const home = process.cwd();
let run = 0;
for (const file of process.argv.slice(2)) {
  // A repeated file runs again in the same directory (the Quick Example's second run).
  const dir = dirs.get(file) ?? mkdtempSync(join(tmpdir(), 'ductape-spec-'));
  dirs.set(file, dir);
  process.chdir(dir);
  // dev is the zero-config embedded database under .ductape/; staging and prd are two more.
  delete process.env.DUCTAPE_MY_APP_MAIN_DB_DEV_URL;
  process.env.DUCTAPE_MY_APP_MAIN_DB_STAGING_URL = `pglite://${join(dir, 'staging')}`;
  process.env.DUCTAPE_MY_APP_MAIN_DB_PRD_URL = `pglite://${join(dir, 'prd')}`;
  const lines = [];
  const log = console.log;
  console.log = (...args) => lines.push(format(...args));
  let error;
  try {
    await import(`${pathToFileURL(file).href}?run=${run++}`);
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } finally {
    console.log = log;
  }
  process.stdout.write(`${JSON.stringify({ file, dir, ok: error === undefined, stdout: lines.join('\n'), error })}\n`);
}
// The working directories go with the run (they held embedded databases: 1,300 of them had piled up in /tmp).
process.chdir(home);
for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
