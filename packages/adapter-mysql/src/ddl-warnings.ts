import type { MysqlQueryable } from './mysql-driver.js';

/**
 * Every warning and note the server left on `connection` by the statement that just ran
 * (`SHOW WARNINGS`), e.g. MariaDB shortening a key or ignoring an option, one line each as
 * `Warning 1071: …`. The adapter's execute returns them; the engine shows them in the run's output
 * (a `step:warning` progress event) and records them with the step in the history row. A failure
 * to read them is not the step's failure: none are returned then.
 * @example await serverWarnings(connection) // ['Note 1050: Table \'posts\' already exists']
 */
export async function serverWarnings(connection: MysqlQueryable): Promise<readonly string[]> {
  let rows: Record<string, unknown>[];
  try {
    rows = await connection.query('SHOW WARNINGS');
  } catch {
    return [];
  }
  return rows.map((r) => `${String(r.Level ?? r.level ?? 'Warning')} ${String(r.Code ?? r.code ?? '')}: ${String(r.Message ?? r.message ?? '')}`);
}
