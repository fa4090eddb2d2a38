// backfill on MariaDB (the MariaDB adapter): mariadb, the adapter's driver.
import { driverOf, openMysqlFamily } from './mysql-family.mjs';

export { defaultBatch, defaultRows, goals } from './mysql-family.mjs';

const mariadb = driverOf('adapter-mariadb', 'mariadb');

export function open() {
  return openMysqlFamily('mariadb', async (url) => {
    const u = new URL(url);
    const c = await mariadb.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: u.pathname.slice(1) || undefined,
    });
    return {
      async query(text, params) {
        const result = await c.query(text, params);
        return Array.isArray(result) ? { rows: result, affected: 0 } : { rows: [], affected: Number(result.affectedRows) };
      },
      end: () => c.end(),
    };
  });
}
