import { type Adapter, type DataAdapter, type UpdateOptions, type UpdateRequest, type UpdateResult, UnsupportedOperationError, resolveUpdate } from '@ductape/core';
import { CurrentAdapter } from '../adapters/current-adapter.js';
import { NotFoundError } from '../errors.js';

/**
 * `db.update`: checks the request against the live table, then lets the adapter run it in
 * batches along the primary key. Values are always parameters.
 * @example await updateRows(adapter, { table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, {})
 */
export async function updateRows(adapter: Adapter, request: UpdateRequest, options: UpdateOptions): Promise<UpdateResult> {
  const target = adapter instanceof CurrentAdapter ? adapter.target : adapter;
  if (!isDataAdapter(target)) throw new UnsupportedOperationError(target.name, 'db.update', 'this adapter has no data migrations yet');
  const table = typeof request?.table === 'string' ? await target.introspect(request.table) : undefined;
  if (!table) throw new NotFoundError(`table "${String(request?.table)}"`);
  return target.updateRows(resolveUpdate(request, table), options);
}

function isDataAdapter(adapter: Adapter): adapter is DataAdapter {
  return typeof (adapter as Partial<DataAdapter>).updateRows === 'function';
}
