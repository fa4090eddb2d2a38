import { type Adapter, type DataAdapter, type UpdateOptions, type UpdateRequest, type UpdateResult, UnsupportedOperationError, resolveUpdate } from '@ductape/core';
import { CurrentAdapter } from '../adapters/current-adapter.js';
import { NotFoundError } from '../errors.js';
import { updateFailure } from './update-failure.js';

/**
 * `db.update`: checks the request against the live table — its columns, and every value and
 * operator against the column types — before any IO, then lets the adapter run it in batches
 * along the primary key. Values are always parameters. What the database still refuses is a
 * typed DataUpdateFailedError (DUCTAPE_DATA_UPDATE_FAILED) with a hint, never the driver's error.
 * @example await updateRows(adapter, { table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, {})
 */
export async function updateRows(adapter: Adapter, request: UpdateRequest, options: UpdateOptions): Promise<UpdateResult> {
  const target = adapter instanceof CurrentAdapter ? adapter.target : adapter;
  if (!isDataAdapter(target)) throw new UnsupportedOperationError(target.name, 'db.update', 'this adapter has no data migrations yet');
  const table = typeof request?.table === 'string' ? await target.introspect(request.table) : undefined;
  if (!table) throw new NotFoundError(`table "${String(request?.table)}"`);
  const resolved = resolveUpdate(request, table);
  let rowsUpdated = 0;
  let listenerError: { error: unknown } | undefined;
  const { onProgress, onBatch } = options;
  // onBatch (not onProgress) tracks how far the run got, so the adapter counts the rows first only when the caller listens to progress.
  const tracked: UpdateOptions = {
    ...options,
    // A non-function is passed on as it is, for the adapter's check to refuse it before any IO.
    onBatch:
      onBatch !== undefined && typeof onBatch !== 'function'
        ? onBatch
        : (rows) => {
            rowsUpdated = rows;
            onBatch?.(rows);
          },
    onProgress:
      typeof onProgress === 'function'
        ? (p) => {
            try {
              onProgress(p);
            } catch (error) {
              listenerError = { error };
              throw error;
            }
          }
        : onProgress,
  };
  try {
    return await target.updateRows(resolved, tracked);
  } catch (error) {
    if (listenerError && listenerError.error === error) throw error; // the caller's own onProgress threw
    throw updateFailure(table.name, error, rowsUpdated);
  }
}

function isDataAdapter(adapter: Adapter): adapter is DataAdapter {
  return typeof (adapter as Partial<DataAdapter>).updateRows === 'function';
}
