import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Builds the packages when a dist is missing (benchmarks run plain Node). */
export function ensureBuilt() {
  const outputs = ['core', 'adapter-postgres', 'sdk', 'adapter-mysql', 'adapter-mariadb', 'adapter-mongo', 'adapter-dynamo', 'adapter-cassandra'].map((p) => join('packages', p, 'dist', 'index.js'));
  const missing = [...outputs, join('packages', 'cli', 'dist', 'bin.js')].some((f) => !existsSync(join(root, f)));
  if (missing) execSync('pnpm exec turbo run build', { cwd: root, stdio: 'inherit' });
}
