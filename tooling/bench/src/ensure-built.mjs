import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Builds the packages when a dist is missing (benchmarks run plain Node). */
export function ensureBuilt() {
  const missing = ['core', 'adapter-postgres', 'sdk', 'adapter-mysql', 'adapter-dynamo', 'cli'].some((p) => !existsSync(join(root, 'packages', p, 'dist', 'index.js')));
  if (missing) execSync('pnpm exec turbo run build', { cwd: root, stdio: 'inherit' });
}
