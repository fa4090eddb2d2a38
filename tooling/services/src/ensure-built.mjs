import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The newest modification time of any file below `dir`.
 * @param {string} dir
 * @returns {number}
 */
function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Tests that spawn plain Node run a package's build: builds the package at `root` (tsup) when
 * `output` (relative to it) is missing or older than anything in its src.
 * @example ensureBuilt(fileURLToPath(new URL('../..', import.meta.url)), 'dist/bin.js');
 * @param {string} root
 * @param {string} [output]
 */
export function ensureBuilt(root, output = 'dist/index.js') {
  const built = join(root, output);
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'))) return;
  execSync('pnpm exec tsup', { cwd: root, stdio: 'ignore' });
}
