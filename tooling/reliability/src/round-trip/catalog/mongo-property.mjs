/**
 * One `$jsonSchema` property as comparable text: its bsonType and the keywords the MongoDB
 * adapter writes (maxLength, smallint's range, the uuid/time pattern, enum, array items, the
 * `default: <JSON>` description). Used for what the catalog holds and for what the model expects.
 * @example describeProperty({ bsonType: ['string', 'null'], maxLength: 20 }) // 'bsonType ["string","null"] maxLength 20'
 */
export function describeProperty(p) {
  const parts = [`bsonType ${JSON.stringify(p.bsonType ?? null)}`];
  if (p.maxLength !== undefined) parts.push(`maxLength ${p.maxLength}`);
  if (p.minimum !== undefined || p.maximum !== undefined) parts.push(`range ${p.minimum}..${p.maximum}`);
  if (p.pattern !== undefined) parts.push('pattern');
  if (p.enum !== undefined) parts.push(`enum ${JSON.stringify(p.enum)}`);
  if (p.items !== undefined) parts.push(`items ${JSON.stringify(p.items.bsonType ?? null)}`);
  if (p.description !== undefined) parts.push(`description ${p.description}`);
  const other = Object.keys(p).filter((k) => !['bsonType', 'maxLength', 'minimum', 'maximum', 'pattern', 'enum', 'items', 'description'].includes(k));
  if (other.length) parts.push(`other ${other.sort().join(',')}`);
  return parts.join(' ');
}

// The adapter's type table (its README, "Type mapping"), written out here so the check does not trust the adapter's own code.
const BSON = {
  integer: ['int'],
  bigint: ['int', 'long'],
  smallint: ['int'],
  float: ['double', 'int', 'long'],
  double: ['double', 'int', 'long'],
  decimal: ['decimal'],
  string: ['string'],
  text: ['string'],
  boolean: ['bool'],
  date: ['date'],
  time: ['string'],
  datetime: ['date'],
  timestamp: ['date'],
  json: ['object'],
  uuid: ['string'],
  enum: ['string'],
  array: ['array'],
  binary: ['binData'],
  blob: ['binData'],
};

/**
 * The `$jsonSchema` property a model field must have on MongoDB (README "Type mapping"): a
 * field that may be null also accepts BSON null.
 * @example expectedProperty({ name: 'n', type: 'string', length: 20 }) // { bsonType: ['string', 'null'], maxLength: 20 }
 */
export function expectedProperty(f) {
  const nullable = !(f.primaryKey || f.required);
  const own = BSON[f.type] ?? [];
  const types = [...own, ...(nullable && own.length ? ['null'] : [])];
  const p = { bsonType: types.length === 1 ? types[0] : types };
  if (f.type === 'string' && typeof f.length === 'number') p.maxLength = f.length;
  if (f.type === 'smallint') Object.assign(p, { minimum: -32768, maximum: 32767 });
  if (f.type === 'uuid' || f.type === 'time') p.pattern = '…';
  if (f.type === 'enum' && f.enumValues) p.enum = [...f.enumValues, ...(nullable ? [null] : [])];
  if (f.type === 'array' && f.itemType) p.items = { bsonType: (BSON[f.itemType] ?? []).length === 1 ? BSON[f.itemType][0] : BSON[f.itemType] };
  if (f.default !== undefined) p.description = `default: ${JSON.stringify(f.default)}`;
  return p;
}
