// PostgreSQL 15 from the Debian package, a throwaway cluster in a temporary directory.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebPackages } from './debian-packages.mjs';
import { startDetached } from './processes.mjs';
import { captureCommand, runCommand } from './run-command.mjs';
import { chownTo, systemUser } from './system-user.mjs';

const preferredMajor = '15';

function binDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'postgres')));
  const major = majors.includes(preferredMajor) ? preferredMajor : majors.sort((a, b) => Number(b) - Number(a))[0];
  return major ? join(root, major, 'bin') : undefined;
}

/** @type {import('./service.mjs').NativeService} */
export const postgres = {
  name: 'postgres',
  defaultPort: 5432,
  timeoutMs: 60_000,
  async install({ logFile }) {
    if (!binDir()) await ensureDebPackages(['postgresql'], logFile);
    if (!binDir()) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql after installing');
  },
  async start({ port, dataDir, logFile }) {
    const bin = /** @type {string} */ (binDir());
    const owner = systemUser('postgres');
    chownTo(dataDir, owner);
    const pgdata = join(dataDir, 'data');
    await runCommand(join(bin, 'initdb'), ['-D', pgdata, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'], { logFile, ...owner });
    const socketDir = join(dataDir, 'socket');
    mkdirSync(socketDir);
    chownTo(socketDir, owner);
    return {
      stopSignal: 'SIGINT', // "fast" shutdown
      ...startDetached({
        command: join(bin, 'postgres'),
        args: [
          '-D',
          pgdata,
          '-p',
          String(port),
          '-k',
          socketDir,
          '-c',
          'listen_addresses=127.0.0.1',
          // Test data is thrown away: skip durability work.
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
        ],
        logFile,
        env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
        ...owner,
      }),
    };
  },
  async probe(port) {
    const bin = binDir();
    if (!bin) return false;
    return captureCommand(join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port)]).then(
      () => true,
      () => false,
    );
  },
  env(port) {
    return { DUCTAPE_TEST_POSTGRES_URL: `postgres://postgres@127.0.0.1:${port}/postgres` };
  },
};
