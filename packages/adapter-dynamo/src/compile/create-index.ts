import type { CommandStep, CreateIndexOp, Operation } from '@ductape/core';
import { attributeTypeIn, declaredKeyType } from './attribute-type.js';
import type { CompileEnv } from './compile-env.js';
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
export function compileCreateIndex(op: CreateIndexOp, env: CompileEnv): CommandStep[] {
  const TableName = env.tableName(op.collection);
  const { type: _type, collection: _collection, ...index } = op;
  const source = (field: string) => renamedFrom(env.earlier, op.collection, field);
  const gsi = gsiFromIndex(index, (field) => attributeTypeIn(env.migration, op.collection, source(field)), op.collection);
  const input = {
    TableName,
    AttributeDefinitions: attributeDefinitions([gsi.partitionKey, gsi.sortKey]),
    GlobalSecondaryIndexUpdates: [{ Create: globalIndex(gsi, undefined) }],
  };
  const unknown = op.fields.map((f) => f.name).filter((name) => declaredKeyType(env.migration, op.collection, source(name)) === undefined);
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
 * The name `field` had before the renames earlier in the migration (`renameField a → b`, then
 * `b → c`: c came from a), so an index on a renamed field gets the field's type. Stops at an op
 * that defines the field anew (addField, createCollection, dropField). Pure.
 * @example renamedFrom([{ type: 'renameField', collection: 'orders', from: 'title', to: 'name' }], 'orders', 'name') // 'title'
 */
export function renamedFrom(earlier: readonly Operation[], collection: string, field: string): string {
  let name = field;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const o = earlier[i] as Operation;
    if (o.type === 'renameField' && o.collection === collection && o.to === name) name = o.from;
    else if (o.type === 'addField' && o.collection === collection && o.field.name === name) break;
    else if (o.type === 'dropField' && o.collection === collection && o.field === name) break;
    else if (o.type === 'createCollection' && o.name === collection) break;
  }
  return name;
}

function detailsLabel(gsi: { projection?: unknown; readCapacity?: number; writeCapacity?: number }): string {
  const projection = gsi.projection === undefined || gsi.projection === 'ALL' ? '' : `; projection ${JSON.stringify(gsi.projection)}`;
  const capacity = gsi.readCapacity !== undefined ? `; ${gsi.readCapacity}/${gsi.writeCapacity} RCU/WCU if the table is PROVISIONED` : '';
  return `${projection}${capacity}`;
}
