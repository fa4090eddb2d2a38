import type { DynamoKeyType } from '@ductape/core';
import { keyTypeOf } from '../compile/attribute-type.js';
import { declaredFields } from '../introspect/declared-fields.js';
import type { DynamoDriver } from '../dynamo-driver.js';
import type { DynamoHistoryStore } from '../dynamo-history.js';
import type { KeyTypeLookup } from './resolve-types.js';

/**
 * Looks up the key type of an attribute: the table's own attribute definition (DynamoDB refuses a
 * second type for it), else the field as the applied migrations declared it.
 * @example const lookup = keyTypeLookup(driver, history, (c) => `app_${c}`); await lookup('users', 'age') // 'N'
 */
export function keyTypeLookup(driver: DynamoDriver, history: DynamoHistoryStore, tableName: (collection: string) => string): KeyTypeLookup {
  return async (collection: string, attribute: string): Promise<DynamoKeyType | undefined> => {
    const table = await driver.describe(tableName(collection));
    const def = table?.AttributeDefinitions?.find((d) => d.AttributeName === attribute);
    if (def?.AttributeType) return def.AttributeType as DynamoKeyType;
    const field = declaredFields(collection, await history.list())?.find((f) => f.name === attribute);
    return field ? keyTypeOf(field) : undefined;
  };
}
