import type { DynamoKeyType, FieldDefinition, FieldType, Migration, Operation } from '@ductape/core';

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
  native: 'S',
};

/**
 * The key attribute type of a field type, or undefined when it cannot be a key (boolean, json, array).
 * @example keyTypeOf('timestamp') // 'N'
 */
export function keyTypeOf(type: FieldType): DynamoKeyType | undefined {
  const t = ATTRIBUTE_TYPE[type];
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
  const fromField = field ? keyTypeOf(field.type) : undefined;
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
