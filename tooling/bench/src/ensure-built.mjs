import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Builds core and the PostgreSQL adapter when their dist is missing (benchmarks run plain Node). */
export function ensureBuilt() {
  const missing = ['core', 'adapter-postgres'].some((p) => !existsSync(join(root, 'packages', p, 'dist', 'index.js')));
  if (missing) execSync('pnpm exec turbo run build --filter=@ductape/adapter-postgres...', { cwd: root, stdio: 'inherit' });
}
