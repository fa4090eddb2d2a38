// backfill on MySQL (the MySQL adapter on the MariaDB server): mysql2, the adapter's driver.
import { driverOf, openMysqlFamily } from './mysql-family.mjs';

export { defaultBatch, defaultRows, goals } from './mysql-family.mjs';

const mysql = driverOf('adapter-mysql', 'mysql2/promise');

export function open() {
  return openMysqlFamily('mysql', async (url) => {
    const c = await mysql.createConnection(Object.assign(new URL(url), { protocol: 'mysql:' }).toString());
    return {
      async query(text, params) {
        const [result] = await c.query(text, params);
        return Array.isArray(result) ? { rows: result, affected: 0 } : { rows: [], affected: result.affectedRows };
      },
      end: () => c.end(),
    };
  });
}
