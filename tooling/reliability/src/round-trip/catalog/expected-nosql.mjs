import { describeProperty, expectedProperty } from './mongo-property.mjs';

// DynamoDB attribute types (adapter-dynamo README, "Type mapping"): only S, N and B can be keys.
const DYNAMO = {
  integer: 'N',
  bigint: 'N',
  smallint: 'N',
  float: 'N',
  double: 'N',
  decimal: 'N',
  timestamp: 'N',
  string: 'S',
  text: 'S',
  uuid: 'S',
  enum: 'S',
  date: 'S',
  time: 'S',
  datetime: 'S',
  binary: 'B',
  blob: 'B',
};
// CQL types (adapter-cassandra README, "Type mapping"): no length, precision or enum.
const CQL = {
  integer: 'int',
  bigint: 'bigint',
  smallint: 'smallint',
  float: 'float',
  double: 'double',
  decimal: 'decimal',
  boolean: 'boolean',
  date: 'date',
  time: 'time',
  uuid: 'uuid',
  blob: 'blob',
  binary: 'blob',
  string: 'text',
  text: 'text',
  json: 'text',
  enum: 'text',
  datetime: 'timestamp',
  timestamp: 'timestamp',
};

/**
 * What the catalog of MongoDB, DynamoDB or Cassandra must show for a model (same shape as the
 * SQL view: tables → columns, indexes, constraints):
 * - MongoDB: every field a `$jsonSchema` property (bsonType with null when nullable, maxLength,
 *   range, pattern, enum, items, default), not-null fields in `required`; the indexes the model
 *   has plus `<t>_pkey` and `<t>_<field>_key` of unique fields and one per unique constraint
 *   (a unique field that may be null is partial where the server has partial indexes);
 * - DynamoDB: AttributeDefinitions = the table key (`N HASH` for `id`) and each GSI key attribute
 *   with its type; each GSI with its key attributes (first HASH, second RANGE) and projection ALL;
 * - Cassandra: every column with its CQL type and kind (`partition_key` for the key, else
 *   `regular`); every index an SAI index on its one column.
 * @example expectedNosqlCatalog(profile, model).items.columns.id // { nullable: false, type: 'int partition_key' }
 */
export function expectedNosqlCatalog(profile, model) {
  const tables = {};
  for (const t of Object.values(model.tables)) {
    if (profile.key === 'mongo') tables[t.name] = mongoTable(profile, t);
    else if (profile.key === 'dynamo') tables[t.name] = dynamoTable(t);
    else tables[t.name] = cassandraTable(t);
  }
  return tables;
}

function mongoTable(profile, t) {
  const columns = Object.fromEntries(t.fields.map((f) => [f.name, { nullable: !(f.primaryKey || f.required), type: describeProperty(expectedProperty(f)) }]));
  const indexes = {};
  const plain = (fields, unique, partial) => ({ unique, columns: fields.map((x) => x.name ?? x), desc: fields.map((x) => x.order === 'DESC'), partial });
  const pk = t.fields.filter((f) => f.primaryKey);
  if (pk.length && !(pk.length === 1 && pk[0].name === '_id')) indexes[`${t.name}_pkey`] = plain(pk, true, false);
  for (const f of t.fields) if (f.unique && !f.primaryKey) indexes[`${t.name}_${f.name}_key`] = plain([f], true, Boolean(profile.caps.partialIndexes) && !f.required);
  for (const k of t.constraints) if (k.type === 'unique' || k.type === 'primaryKey') indexes[k.name] = plain(k.columns, true, false);
  for (const i of t.indexes) indexes[i.name] = plain(i.fields, i.unique === true, i.where !== undefined && i.where !== null);
  return { columns, indexes, constraints: {} };
}

function dynamoTable(t) {
  const columns = {};
  const typeOf = (name) => DYNAMO[t.fields.find((f) => f.name === name)?.type] ?? '?';
  for (const i of t.indexes) for (const x of i.fields) columns[x.name] = { nullable: false, type: typeOf(x.name) };
  const pk = t.fields.filter((f) => f.primaryKey);
  pk.forEach((f, n) => (columns[f.name] = { nullable: false, type: `${typeOf(f.name)} ${n === 0 ? 'HASH' : 'RANGE'}` }));
  const indexes = Object.fromEntries(t.indexes.map((i) => [i.name, { columns: i.fields.map((x) => x.name), projection: 'ALL' }]));
  return { columns, indexes, constraints: {} };
}

function cassandraTable(t) {
  const cql = (f) => (f.type === 'array' ? `list<${CQL[f.itemType ?? 'string']}>` : (CQL[f.type] ?? '?'));
  const columns = Object.fromEntries(t.fields.map((f) => [f.name, { nullable: !f.primaryKey, type: `${cql(f)} ${f.primaryKey ? 'partition_key' : 'regular'}` }]));
  const indexes = Object.fromEntries(t.indexes.map((i) => [i.name, { target: i.fields[0].name, class: 'sai' }]));
  return { columns, indexes, constraints: {} };
}
