import { createHash } from 'node:crypto';
import { canonicalJson } from '@ductape/core';
import type { MysqlQueryable } from '../mysql-driver.js';

/** Where an interrupted data migration resumes: one row per update, deleted when it completes. */
export const DATA_PROGRESS_TABLE = '_ductape_data_progress';

/** Where a data migration stands: the key of the last row of the last committed batch, and rows so far. */
export interface Position {
  readonly after: readonly unknown[] | undefined;
  readonly rows: number;
}

/**
 * The progress row of one data migration (id: sha256 of the resolved update), written in the
 * transaction of each batch, so a batch and its record commit together or not at all.
 * @example const p = new DataProgress(resolved); await p.ensure(connection); const at = await p.load(connection);
 */
export class DataProgress {
  readonly id: string;

  constructor(update: unknown) {
    this.id = createHash('sha256').update(canonicalJson(update)).digest('hex');
  }

  /** Creates the progress table (InnoDB: it commits with the batch) when missing. */
  async ensure(q: MysqlQueryable): Promise<void> {
    await q.query(
      `CREATE TABLE IF NOT EXISTS \`${DATA_PROGRESS_TABLE}\` (id CHAR(64) NOT NULL PRIMARY KEY, last_key LONGTEXT NOT NULL, rows_updated BIGINT NOT NULL, updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
    );
  }

  async load(q: MysqlQueryable): Promise<Position> {
    const [row] = await q.query(`SELECT last_key, CAST(rows_updated AS CHAR) AS n FROM \`${DATA_PROGRESS_TABLE}\` WHERE id = ?`, [this.id]);
    return row ? { after: JSON.parse(String(row.last_key)) as unknown[], rows: Number(row.n) } : { after: undefined, rows: 0 };
  }

  /** The saved position without creating the table (a dry run changes nothing). */
  async peek(q: MysqlQueryable): Promise<Position> {
    const [table] = await q.query('SELECT 1 AS present FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [DATA_PROGRESS_TABLE]);
    return table ? this.load(q) : { after: undefined, rows: 0 };
  }

  /** Records a committed-with-it batch: call inside the batch's transaction. */
  async save(q: MysqlQueryable, position: Position): Promise<void> {
    await q.query(`INSERT INTO \`${DATA_PROGRESS_TABLE}\` (id, last_key, rows_updated) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE last_key = VALUES(last_key), rows_updated = VALUES(rows_updated)`, [
      this.id,
      JSON.stringify(position.after),
      position.rows,
    ]);
  }

  async clear(q: MysqlQueryable): Promise<void> {
    await q.query(`DELETE FROM \`${DATA_PROGRESS_TABLE}\` WHERE id = ?`, [this.id]);
  }
}
