import { Long } from 'mongodb';
import { valueKind, wrongKind } from './kinds.mjs';

/**
 * Rows of the round trip on MongoDB, written and read with the mongodb driver beside the adapter:
 * one document per row (`id` and every field; null stays an explicit null), big integers as
 * BSON long. Read back, a number must be a number (int, long, double), a string a string, a
 * boolean a boolean; a long comes back as its decimal text.
 * @example const rows = mongoRows(client.db(name)); await rows.write(profile, 'items', [{ id: 1, name: 'a' }]);
 * @param {import('mongodb').Db} db
 */
export function mongoRows(db) {
  return {
    async write(_profile, table, rows, model) {
      const docs = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toBson(fieldType(model, k), v)])));
      if (docs.length) await db.collection(table).insertMany(docs, { ordered: true });
    },
    async read(_profile, table, model) {
      const docs = await db.collection(table).find({}).toArray();
      return new Map(docs.map((d) => [Number(d.id), Object.fromEntries(Object.entries(d).map(([k, v]) => [k, fromBson(fieldType(model, k), v)]))]));
    },
  };
}

function fieldType(model, name) {
  return model?.fields.find((f) => f.name === name)?.type;
}

function toBson(type, v) {
  if (type === 'bigint' && typeof v === 'string') return Long.fromString(v);
  return v;
}

function fromBson(type, v) {
  if (v === null || v === undefined) return v;
  const kind = valueKind(type);
  const bson = v?._bsontype;
  if (kind === 'number') {
    if (typeof v === 'number') return v;
    if (bson === 'Long' || bson === 'Decimal128' || bson === 'Double' || bson === 'Int32') return v.toString();
    return wrongKind(bson ?? typeof v, v);
  }
  if (kind === 'string') return typeof v === 'string' ? v : wrongKind(bson ?? typeof v, v);
  if (kind === 'boolean') return typeof v === 'boolean' ? v : wrongKind(bson ?? typeof v, v);
  return v;
}
