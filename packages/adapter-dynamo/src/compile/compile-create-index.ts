import type { CommandStep, CreateIndexOp, FieldDefinition, Operation } from '@ductape/core';
import { declaredKeyType, keyTypeOf } from './attribute-type.js';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { gsiFromIndex } from './index-definition.js';
import { attributeDefinitions } from './key-schema.js';
import { globalIndex } from './secondary-index.js';
import { commandStep } from './step.js';

/**
 * createIndex → one UpdateTable creating one GSI (DynamoDB builds one at a time), waiting until
 * it is ACTIVE. Key types come from the field definitions in the migration; a key the migration
 * does not declare is compiled as S and listed in `resolveTypes`, so the executor takes its type
 * from the table or the recorded fields. On a PROVISIONED table the executor copies the table's
 * throughput to the index, or the index's own capacities when its definition carries them
 * (`dynamoOptions`, as a dropIndex's recorded `previous` does; so does its projection).
 * @example compileCreateIndex({ type: 'createIndex', collection: 'users', name: 'by-email', fields: [{ name: 'email' }] }, env)
 */
export function compileCreateIndex(op: CreateIndexOp, env: DynamoCompileSettings): CommandStep[] {
  const TableName = env.tableName(op.collection);
  const { type: _type, collection: _collection, ...index } = op;
  // Where each key field stands at this op (the same name may be another field before a drop, or
  // have another type before a modifyField); its type from there, else from a definition anywhere in the migration.
  const at = new Map(op.fields.map((f) => [f.name, fieldAt(env.earlier, op.collection, f.name)]));
  const source = (field: string) => at.get(field)?.source ?? field;
  const typeOf = (field: string) => {
    const a = at.get(field);
    return a?.definition ? keyTypeOf(a.definition) : declaredKeyType(env.migration, op.collection, source(field));
  };
  const gsi = gsiFromIndex(index, (field) => typeOf(field) ?? 'S', op.collection);
  const input = {
    TableName,
    AttributeDefinitions: attributeDefinitions([gsi.partitionKey, gsi.sortKey]),
    GlobalSecondaryIndexUpdates: [{ Create: globalIndex(gsi, undefined) }],
  };
  const unknown = op.fields.map((f) => f.name).filter((name) => typeOf(name) === undefined);
  const sources = Object.fromEntries(unknown.filter((name) => source(name) !== name).map((name) => [name, source(name)]));
  const keys = [gsi.partitionKey, gsi.sortKey].flatMap((k) => (k ? [`${k.name} ${unknown.includes(k.name) ? 'type from the table' : k.type}`] : [])).join(', ');
  const own = gsi.readCapacity !== undefined && gsi.writeCapacity !== undefined ? { indexThroughput: { ReadCapacityUnits: gsi.readCapacity, WriteCapacityUnits: gsi.writeCapacity } } : {};
  const extra = {
    throughputFromTable: true,
    ...own,
    ...(unknown.length > 0 ? { resolveTypes: { collection: op.collection, attributes: unknown, ...(Object.keys(sources).length > 0 ? { sources } : {}) } } : {}),
  };
  return [commandStep('UpdateTable', input, `UpdateTable ${TableName}: create GSI ${op.name} (${keys}${detailsLabel(gsi)})`, { table: TableName, index: op.name, until: 'ACTIVE' }, extra)];
}

/**
 * Where `collection.field` stands just before the op that follows `earlier` (the ops before it in
 * the migration, same direction), walking back: its definition from the nearest createCollection,
 * addField or type-changing modifyField, following renames to the name it had (`renameField a → b`
 * then `b → c`: c came from a). `source` is that name, under which an undeclared field's type is
 * recorded. A drop of the field or the collection ends the walk with no definition. Pure.
 * @example fieldAt([{ type: 'renameField', collection: 'orders', from: 'title', to: 'name' }], 'orders', 'name') // { source: 'title' }
 */
export function fieldAt(earlier: readonly Operation[], collection: string, field: string): { readonly definition?: FieldDefinition; readonly source: string } {
  let name = field;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const o = earlier[i] as Operation;
    if (o.type === 'renameField' && o.collection === collection && o.to === name) name = o.from;
    else if (o.type === 'addField' && o.collection === collection && o.field.name === name) return { definition: o.field, source: name };
    else if (o.type === 'modifyField' && o.collection === collection && o.field === name && o.changes.type !== undefined)
      return { definition: { ...(o.previous ?? {}), ...o.changes, name } as FieldDefinition, source: name };
    else if (o.type === 'createCollection' && o.name === collection) {
      const found = o.fields.find((f) => f.name === name);
      return found ? { definition: found, source: name } : { source: name };
    } else if ((o.type === 'dropField' && o.collection === collection && o.field === name) || (o.type === 'dropCollection' && o.name === collection)) return { source: name };
  }
  return { source: name };
}

function detailsLabel(gsi: { projection?: unknown; readCapacity?: number; writeCapacity?: number }): string {
  const projection = gsi.projection === undefined || gsi.projection === 'ALL' ? '' : `; projection ${JSON.stringify(gsi.projection)}`;
  const capacity = gsi.readCapacity !== undefined ? `; ${gsi.readCapacity}/${gsi.writeCapacity} RCU/WCU if the table is PROVISIONED` : '';
  return `${projection}${capacity}`;
}
