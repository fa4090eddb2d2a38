import type { MysqlQueryable } from './mysql-driver.js';
import type { MysqlLogger } from './mysql-logger.js';

/**
 * Says, through the adapter's logger (stderr by default, so in the run's output), every warning
 * and note the server left on `connection` by the statement that just ran (`SHOW WARNINGS`), e.g.
 * MariaDB shortening a key or ignoring an option, as `<step>: the server warned: Warning 1071: …`.
 * A failure to read them is not the step's failure: nothing is said then.
 * @example await reportServerWarnings(connection, 'createCollection posts', logger)
 */
export async function reportServerWarnings(connection: MysqlQueryable, summary: string, logger: MysqlLogger): Promise<readonly string[]> {
  let rows: Record<string, unknown>[];
  try {
    rows = await connection.query('SHOW WARNINGS');
  } catch {
    return [];
  }
  const lines = rows.map((r) => `${String(r.Level ?? r.level ?? 'Warning')} ${String(r.Code ?? r.code ?? '')}: ${String(r.Message ?? r.message ?? '')}`);
  for (const line of lines) logger.warn(`${summary}: the server warned: ${line}`);
  return lines;
}
