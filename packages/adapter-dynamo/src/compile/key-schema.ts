import type { DynamoKey } from '@ductape/core';
import { invalid } from './names.js';

export interface KeySchemaElement {
  readonly AttributeName: string;
  readonly KeyType: 'HASH' | 'RANGE';
}

export interface AttributeDefinition {
  readonly AttributeName: string;
  readonly AttributeType: 'S' | 'N' | 'B';
}

/**
 * A KeySchema from a partition key and an optional sort key.
 * @example keySchema({ name: 'id', type: 'S' }) // [{ AttributeName: 'id', KeyType: 'HASH' }]
 */
export function keySchema(partition: DynamoKey, sort?: DynamoKey): KeySchemaElement[] {
  return [{ AttributeName: partition.name, KeyType: 'HASH' }, ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : [])];
}

/**
 * AttributeDefinitions for the given key attributes, each once, in first-seen order. DynamoDB
 * wants definitions for key and index attributes only. A name given two types is refused.
 * @example attributeDefinitions([{ name: 'id', type: 'S' }, { name: 'id', type: 'S' }]) // one entry
 */
export function attributeDefinitions(keys: readonly (DynamoKey | undefined)[]): AttributeDefinition[] {
  const seen = new Map<string, 'S' | 'N' | 'B'>();
  for (const key of keys) {
    if (!key) continue;
    const known = seen.get(key.name);
    if (known && known !== key.type) throw invalid(`attribute ${key.name}`, `attribute "${key.name}" is used as a key with two types (${known} and ${key.type})`, 'conflicting_key_type');
    if (key.type !== 'S' && key.type !== 'N' && key.type !== 'B')
      throw invalid(`attribute ${key.name}`, `key attribute "${key.name}" must have type S, N or B, got ${JSON.stringify(key.type)}`, 'invalid_key_type');
    seen.set(key.name, key.type);
  }
  return [...seen].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}
