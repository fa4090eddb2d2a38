import { runName, withPassword, withPath } from './names.mjs';
import { sqlProbe } from './sql-probe.mjs';

/**
 * MySQL (`mysql2`) or MariaDB (`mariadb` driver) on the server of DUCTAPE_TEST_MYSQL_URL /
 * DUCTAPE_TEST_MARIADB_URL: a fresh database per run. The probe reads rows with mysql2.
 * @example const ns = await mysqlFamilyTarget('mysql').provision(process.env.DUCTAPE_TEST_MYSQL_URL);
 * @param {'mysql' | 'mariadb'} key
 */
export function mysqlFamilyTarget(key) {
  const pkg = `@ductape/adapter-${key}`;
  return {
    key,
    pkg,
    server: key,
    /** @param {string} serverUrl */
    async provision(serverUrl) {
      const name = runName(`ductape_rel_${key}`);
      const adminUrl = withPath(serverUrl.replace(/^mariadb:/, 'mysql:'), '');
      await admin(adminUrl, `CREATE DATABASE \`${name}\``);
      const url = withPath(serverUrl, name);
      const probeUrl = withPath(adminUrl, name);
      return {
        key,
        pkg,
        multiProcess: true,
        connection: url,
        options: {},
        raw: { dialect: key, sleep: (s) => `SELECT SLEEP(${s})` },
        secretConnections: (marker) => ({
          unreachable: `${key}://ductape:${marker}@127.0.0.1:1/${name}`,
          // root without a password: a wrong password is refused by the server (an auth error to check).
          real: withPassword(url, marker),
        }),
        async openProbe() {
          const { default: mysql } = await import('mysql2/promise');
          const conn = await mysql.createConnection({ uri: probeUrl });
          const probe = sqlProbe(async (text, params) => (await conn.query(text, params))[0], '`', name, 'mysql');
          return { ...probe, close: () => conn.end() };
        },
        async dispose() {
          await admin(adminUrl, `DROP DATABASE IF EXISTS \`${name}\``);
        },
      };
    },
  };
}

async function admin(url, sql) {
  const { default: mysql } = await import('mysql2/promise');
  const conn = await mysql.createConnection({ uri: url });
  try {
    await conn.query(sql);
  } finally {
    await conn.end();
  }
}
