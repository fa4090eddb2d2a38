import type { MysqlConnection } from '../mysql-driver.js';

/**
 * The comment every statement of a work session (`withSession`) starts with. The processlist shows
 * it (INFO), so the next lock holder can find a statement a killed runner left running.
 */
export const WORK_MARK = '/* ductape work */';

/**
 * `connection` with every statement prefixed by WORK_MARK (the rest delegates to it).
 * @example const session = { transactional: false, connection: markWork(await driver.acquire()) };
 */
export function markWork(connection: MysqlConnection): MysqlConnection {
  return {
    get threadId() {
      return connection.threadId;
    },
    get alive() {
      return connection.alive;
    },
    query: (sql, params) => connection.query(`${WORK_MARK} ${sql}`, params),
    release: () => connection.release(),
    close: () => connection.close(),
    destroy: () => connection.destroy(),
  };
}
