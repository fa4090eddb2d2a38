import { ValidationError } from '@ductape/core';
import type { Collection, Document } from 'mongodb';

/** BSON types that compare with each other in a query (MongoDB's comparison brackets). */
const BRACKETS: { readonly [bsontype: string]: string } = { Int32: 'number', Long: 'number', Double: 'number', Decimal128: 'number', BSONSymbol: 'string', Binary: 'binData' };

/**
 * The comparison bracket of a value as the driver reads it: `$gt` on `_id` matches only values of
 * the same bracket (all numbers together: int, long, double, decimal; strings; dates; ObjectIds; …).
 * @example idBracket(5) // 'number'
 */
export function idBracket(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof Date) return 'date';
  if (v instanceof RegExp) return 'regex';
  if (v instanceof Uint8Array) return 'binData';
  if (Array.isArray(v)) return 'array';
  const bsontype = (v as { _bsontype?: unknown })._bsontype;
  if (typeof bsontype === 'string') return BRACKETS[bsontype] ?? bsontype;
  return 'object';
}

/**
 * Refuses, before any write, a collection whose `_id`s are of more than one comparison bracket:
 * the batches walk `_id` with `$gt`, which would never reach the documents of the other types
 * (they would be left out without a word). Two reads of the `_id` index: its first and last.
 * @example await checkIdTypes(db.collection('users'), 'users')
 */
export async function checkIdTypes(coll: Collection<Document>, table: string): Promise<void> {
  const first = await coll.findOne({}, { projection: { _id: 1 }, sort: { _id: 1 } });
  const last = await coll.findOne({}, { projection: { _id: 1 }, sort: { _id: -1 } });
  if (!first || !last) return;
  const [a, b] = [idBracket(first._id), idBracket(last._id)];
  if (a === b) return;
  throw new ValidationError(`db.update of "${table}" (nothing was changed)`, [
    {
      code: 'mixed_id_types',
      path: '_id',
      message: `the _id values of "${table}" are of several BSON types (${a} first, ${b} last), and batches that walk _id with $gt reach only one type's documents: give every document an _id of one type, or update this collection with updateMany yourself`,
    },
  ]);
}
