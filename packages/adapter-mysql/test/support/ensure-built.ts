import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Child processes run a built package (plain Node): build the package at `root` when its dist is
 * missing or older than its src.
 * @example ensureBuilt(fileURLToPath(new URL('../..', import.meta.url)));
 */
export function ensureBuilt(root: string): void {
  const dist = join(root, 'dist', 'index.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(root, 'src'))) return;
  execSync('pnpm exec tsup', { cwd: root, stdio: 'ignore' });
}
