import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Child processes run the built package (plain Node): build it when dist is missing or older than src. */
export function ensureBuilt(): void {
  const dist = join(root, 'dist', 'index.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(root, 'src'))) return;
  execSync('pnpm exec tsup', { cwd: root, stdio: 'ignore' });
}
