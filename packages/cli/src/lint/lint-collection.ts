import type { Operation } from '@ductape/sdk';

/**
 * The table an operation works on ('' for raw operations and user-defined types).
 * @example collectionOf({ type: 'addField', collection: 'users', field }) // 'users'
 */
export function collectionOf(op: Operation): string {
  if (op.type === 'createCollection' || op.type === 'dropCollection') return op.name;
  if (op.type === 'raw' || op.type === 'createType' || op.type === 'alterType' || op.type === 'dropType') return '';
  if (op.type === 'renameCollection') return op.from;
  return op.collection;
}
