// MariaDB from the Debian package; it also serves the MySQL protocol tests (mysql2).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebPackages } from './debian-packages.mjs';
import { isMysqlHandshake, tcpProbe } from './health.mjs';
import { startDetached } from './processes.mjs';
import { runCommand } from './run-command.mjs';
import { chownTo, systemUser } from './system-user.mjs';

/** @param {string} name */
function findBinary(name) {
  return ['/usr/sbin', '/usr/bin', '/usr/local/bin'].map((d) => join(d, name)).find((p) => existsSync(p));
}

/** @param {string} dataDir */
function socketPath(dataDir) {
  return join(dataDir, 'mysqld.sock');
}

/** @type {import('./service.mjs').NativeService} */
export const mariadb = {
  name: 'mariadb',
  defaultPort: 3306,
  timeoutMs: 60_000,
  async install({ logFile }) {
    if (!findBinary('mariadbd') || !findBinary('mariadb-install-db') || !findBinary('mariadb')) {
      await ensureDebPackages(['mariadb-server', 'mariadb-client'], logFile);
    }
    if (!findBinary('mariadbd')) throw new Error('mariadbd not found after installing mariadb-server');
  },
  async start({ port, dataDir, logFile }) {
    const owner = systemUser('mysql');
    chownTo(dataDir, owner);
    const userArgs = owner ? ['--user=mysql'] : [];
    const datadir = join(dataDir, 'data');
    // --no-defaults: ignore /etc/mysql so a system install's settings never leak in.
    await runCommand(/** @type {string} */ (findBinary('mariadb-install-db')), ['--no-defaults', ...userArgs, `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db'], {
      logFile,
    });
    return {
      stopSignal: 'SIGTERM',
      ...startDetached({
        command: /** @type {string} */ (findBinary('mariadbd')),
        args: [
          '--no-defaults',
          ...userArgs,
          `--datadir=${datadir}`,
          `--socket=${socketPath(dataDir)}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          `--pid-file=${join(dataDir, 'mysqld.pid')}`,
          '--skip-name-resolve',
          '--skip-log-bin',
          '--innodb-flush-log-at-trx-commit=0',
          '--innodb-buffer-pool-size=64M',
          '--character-set-server=utf8mb4',
          '--collation-server=utf8mb4_unicode_ci',
        ],
        logFile,
      }),
    };
  },
  probe(port) {
    return tcpProbe(port, { accept: isMysqlHandshake });
  },
  async afterStart({ dataDir, logFile }) {
    await runCommand(/** @type {string} */ (findBinary('mariadb')), ['--no-defaults', `--socket=${socketPath(dataDir)}`, '-uroot', '-e', 'CREATE DATABASE IF NOT EXISTS ductape'], { logFile });
  },
  env(port) {
    return {
      DUCTAPE_TEST_MARIADB_URL: `mariadb://root@127.0.0.1:${port}/ductape`,
      DUCTAPE_TEST_MYSQL_URL: `mysql://root@127.0.0.1:${port}/ductape`,
    };
  },
};
