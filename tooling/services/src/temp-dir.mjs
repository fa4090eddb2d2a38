import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set();
let hooked = false;

/**
 * A fresh directory under the system's temp directory, removed when this process exits (set
 * DUCTAPE_KEEP_TEMP=1 to keep them for a look). Tests make projects, embedded databases and
 * packed tarballs there; left behind, thousands of them once filled this machine's disk.
 * @param {string} prefix e.g. 'ductape-cli-plan-'
 * @returns {string}
 * @example const dir = tempDir('ductape-config-');
 */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', removeTempDirs);
  }
  return dir;
}

/**
 * Removes every directory tempDir made in this process so far (a test package's setup file calls
 * it after each test file: vitest's workers may end without an `exit` event). Kept with
 * DUCTAPE_KEEP_TEMP=1.
 * @example afterAll(removeTempDirs)
 */
export function removeTempDirs() {
  if (process.env.DUCTAPE_KEEP_TEMP === '1') return;
  for (const d of made) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      // a directory another process still holds open is left to the system
    }
    made.delete(d);
  }
}
