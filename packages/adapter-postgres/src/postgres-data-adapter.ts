import type { DataAdapter, ResolvedUpdate, UpdateOptions, UpdateResult } from '@ductape/core';
import { updateRowsPostgres } from './data/update-rows.js';
import { PostgresAdapter } from './postgres-adapter.js';

/**
 * The PostgreSQL adapter with data migrations (`db.update`): what `createAdapter` returns.
 * @example const adapter = new PostgresDataAdapter({ url: process.env.DATABASE_URL }); await adapter.connect();
 */
export class PostgresDataAdapter extends PostgresAdapter implements DataAdapter {
  updateRows(update: ResolvedUpdate, options: UpdateOptions): Promise<UpdateResult> {
    return updateRowsPostgres(this.driver, this.schema, update, options);
  }

  /**
   * Runs a query and returns its rows (for checks and tools; migrations go through the engine).
   * @example const rows = await adapter.query('SELECT count(*) FROM users');
   */
  async query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> {
    return (await this.driver.query(text, params)).rows;
  }
}
