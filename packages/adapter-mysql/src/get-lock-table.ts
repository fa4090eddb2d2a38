import type { MysqlQueryable } from './mysql-driver.js';
import { fromSqlDate } from './sql-date.js';

/** One row per lock name: who holds it and the fencing token (bumped on every acquisition). */
export const LOCK_TABLE = '_ductape_migrations_lock';

/** The lock table (the holder row beside GET_LOCK). */
export const LOCK_DDL = `CREATE TABLE IF NOT EXISTS \`${LOCK_TABLE}\` (
  \`name\` VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  \`token\` BIGINT NOT NULL,
  \`owner_id\` VARCHAR(255) NOT NULL,
  \`description\` VARCHAR(1024) NOT NULL,
  \`connection_id\` BIGINT NULL,
  \`acquired_at\` DATETIME(3) NOT NULL,
  PRIMARY KEY (\`name\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

/**
 * Who holds GET_LOCK `name`: our lock row when its connection is the holder, else the processlist entry.
 * @example await getLockHolder(connection, 'ductape_migrations.app') // 'ci pid 42 (connection 17, since …)'
 */
export async function getLockHolder(c: MysqlQueryable, name: string): Promise<string | undefined> {
  const [used] = await c.query('SELECT IS_USED_LOCK(?) AS id', [name]);
  const id = used?.id === null || used?.id === undefined ? undefined : Number(used.id);
  if (id === undefined) return undefined;
  const [row] = await c.query(`SELECT \`description\`, \`acquired_at\`, \`connection_id\` FROM \`${LOCK_TABLE}\` WHERE \`name\` = ?`, [name]);
  if (row && Number(row.connection_id) === id) return `${String(row.description)} (connection ${id}, since ${fromSqlDate(row.acquired_at).toISOString()})`;
  const [p] = await c.query('SELECT `USER` AS user, `HOST` AS host, `TIME` AS seconds FROM information_schema.PROCESSLIST WHERE `ID` = ?', [id]);
  return p ? `connection ${id} (${String(p.user)}@${String(p.host)}, connected ${String(p.seconds)} s)` : `connection ${id}`;
}

/** The lease as a whole number of seconds for wait_timeout (at least 1). @example leaseSeconds(1500) // 2 */
export function leaseSeconds(leaseMs: number): number {
  return Math.max(1, Math.ceil(leaseMs / 1000));
}
