import type { LockHandle } from '@ductape/core';
import { LeaseFencedError } from './lease-fenced-error.js';
import type { MysqlQueryable, Row } from './mysql-driver.js';
import { fromSqlDate } from './sql-date.js';

/** The lease table of the cluster lock: one row per lock name, never deleted (its token only grows). */
export const LEASE_TABLE = '_ductape_migrations_lease';

/** expires_at of a free lease. */
export const FREE = '1970-01-01 00:00:01';

export const LEASE_DDL = `CREATE TABLE IF NOT EXISTS \`${LEASE_TABLE}\` (
  \`name\` VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  \`token\` BIGINT NOT NULL,
  \`owner_id\` VARCHAR(255) NOT NULL,
  \`description\` VARCHAR(1024) NOT NULL,
  \`connection_id\` BIGINT NULL,
  \`acquired_at\` DATETIME(6) NOT NULL,
  \`expires_at\` DATETIME(6) NOT NULL,
  \`fence_checks\` BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (\`name\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

/** The lease table, quoted. */
export const T = `\`${LEASE_TABLE}\``;

/**
 * The holder a lease row names, or undefined when it is free.
 * @example describeLease(row) // 'deploy-42 (cluster lease, token 7, until 2026-12-07T10:00:00.000Z)'
 */
export function describeLease(row: Row | undefined): string | undefined {
  if (!row || String(row.owner_id) === '') return undefined;
  return `${String(row.description)} (cluster lease, token ${String(row.token)}, until ${fromSqlDate(row.expires_at).toISOString()})`;
}

/**
 * The fencing check: a write to the lease row where owner and token are still `held`'s (so it is
 * certified against a concurrent takeover); LeaseFencedError naming the row's holder when not.
 * @example await fenceCheck(connection, 'ductape_migrations.app', handle, 'run the step "…"');
 */
export async function fenceCheck(q: MysqlQueryable, name: string, held: LockHandle, what: string): Promise<void> {
  await q.query(`UPDATE ${T} SET \`fence_checks\` = \`fence_checks\` + 1 WHERE \`name\` = ? AND \`owner_id\` = ? AND \`token\` = ?`, [name, held.owner.id.slice(0, 255), held.token]);
  const [r] = await q.query('SELECT ROW_COUNT() AS n');
  if (Number(r?.n) > 0) return;
  const [row] = await q.query(`SELECT \`token\`, \`owner_id\`, \`description\`, \`expires_at\` FROM ${T} WHERE \`name\` = ?`, [name]);
  throw new LeaseFencedError(held.token, what, row ? `token ${String(row.token)}, ${String(row.owner_id) === '' ? 'free' : `held by ${String(row.description)}`}` : 'no lease row');
}
