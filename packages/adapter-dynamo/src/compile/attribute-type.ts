import { type DynamoKeyType, type FieldDefinition, type FieldOptions, type FieldType, type Migration, type Operation, ValidationError, assertNativeDialect } from '@ductape/core';

/**
 * The spec's type table for DynamoDB: the attribute type each portable field type is stored as.
 * Only S, N and B may be key attributes (table keys, GSI and LSI keys).
 */
export const ATTRIBUTE_TYPE: { readonly [T in FieldType]: 'S' | 'N' | 'B' | 'BOOL' | 'M' | 'L' } = {
  integer: 'N',
  bigint: 'N',
  smallint: 'N',
  float: 'N',
  double: 'N',
  decimal: 'N',
  string: 'S',
  text: 'S',
  boolean: 'BOOL',
  date: 'S',
  time: 'S',
  datetime: 'S',
  timestamp: 'N',
  json: 'M',
  uuid: 'S',
  enum: 'S',
  array: 'L',
  binary: 'B',
  blob: 'B',
  native: 'S', // placeholder: a native field's type is its own `native` text (attributeTypeOf)
  // PostgreSQL's own types: refused before any IO (core's dialectRefusal: rawDialects lack 'postgresql'); never compiled here.
  citext: 'S',
  inet: 'S',
  cidr: 'S',
  macaddr: 'S',
  tsvector: 'S',
};

/** What `native` may say on DynamoDB: an attribute type descriptor of the DynamoDB API. */
export const NATIVE_ATTRIBUTE_TYPES: readonly string[] = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'];

/**
 * The attribute type a field is stored as: its native descriptor (`{ type: 'native', native: 'SS' }`),
 * else the type table's. A native text that is not a DynamoDB attribute type is refused before any IO.
 * @example attributeTypeOf({ type: 'native', native: 'NS' }, 'users.scores') // 'NS'
 */
export function attributeTypeOf(field: Pick<FieldOptions, 'type' | 'native' | 'dialect'>, where = 'field'): string {
  if (field.type !== 'native') return ATTRIBUTE_TYPE[field.type];
  assertNativeDialect(field, 'dynamo', ['dynamodb']); // declared for another database: refused, naming both
  const native = field.native;
  if (typeof native !== 'string' || !NATIVE_ATTRIBUTE_TYPES.includes(native)) {
    throw new ValidationError(`field "${where}"`, [
      {
        code: 'invalid_native_type',
        path: 'native',
        message: `on DynamoDB native must be an attribute type, one of ${NATIVE_ATTRIBUTE_TYPES.join(', ')} (key attributes: S, N or B); got ${JSON.stringify(native)}`,
      },
    ]);
  }
  return native;
}

/**
 * The key attribute type of a field (or field type), or undefined when it cannot be a key
 * (boolean, json, array, and native types other than S, N and B).
 * @example keyTypeOf('timestamp') // 'N'
 * keyTypeOf({ type: 'native', native: 'B' }) // 'B'
 */
export function keyTypeOf(field: FieldType | Pick<FieldOptions, 'type' | 'native'>): DynamoKeyType | undefined {
  const f = typeof field === 'string' ? { type: field } : field;
  if (f.type === 'native' && (typeof f.native !== 'string' || !NATIVE_ATTRIBUTE_TYPES.includes(f.native))) return undefined;
  const t = attributeTypeOf(f);
  return t === 'S' || t === 'N' || t === 'B' ? t : undefined;
}

/**
 * The declared definition of `collection.field` anywhere in the migration (up or down), so an
 * index on a field created in the same migration gets the field's key type. Pure.
 * @example fieldIn(m, 'users', 'email')?.type // 'string'
 */
export function fieldIn(migration: Migration, collection: string, field: string): FieldDefinition | undefined {
  for (const op of [...migration.up, ...migration.down]) {
    const found = fieldsOf(op, collection).find((f) => f.name === field);
    if (found) return found;
  }
  return undefined;
}

/**
 * The key type of an attribute the migration declares (a field, or a key in dynamoOptions); 'S' when unknown.
 * @example attributeTypeIn(m, 'users', 'created_at') // 'N'
 */
export function attributeTypeIn(migration: Migration, collection: string, attribute: string): DynamoKeyType {
  return declaredKeyType(migration, collection, attribute) ?? 'S';
}

/**
 * The key type of an attribute as the migration declares it, or undefined when it does not.
 * @example declaredKeyType(m, 'users', 'age') // 'N' when m declares users.age as an integer
 */
export function declaredKeyType(migration: Migration, collection: string, attribute: string): DynamoKeyType | undefined {
  const field = fieldIn(migration, collection, attribute);
  const fromField = field ? keyTypeOf(field) : undefined;
  if (fromField) return fromField;
  for (const op of [...migration.up, ...migration.down]) {
    if (op.type !== 'createCollection' || op.name !== collection) continue;
    const o = op.options?.dynamoOptions;
    const keys = [o?.partitionKey, o?.sortKey, ...[...(o?.globalSecondaryIndexes ?? []), ...(o?.localSecondaryIndexes ?? [])].flatMap((i) => [i.partitionKey, i.sortKey])];
    const key = keys.find((k) => k?.name === attribute);
    if (key) return key.type;
  }
  return undefined;
}

function fieldsOf(op: Operation, collection: string): readonly FieldDefinition[] {
  switch (op.type) {
    case 'createCollection':
      return op.name === collection ? op.fields : [];
    case 'dropCollection':
      return op.name === collection ? (op.previous?.fields ?? []) : [];
    case 'addField':
      return op.collection === collection ? [op.field] : [];
    case 'dropField':
    case 'modifyField':
      return op.collection === collection && op.previous ? [op.previous] : [];
    default:
      return [];
  }
}
