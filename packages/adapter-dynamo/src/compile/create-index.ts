import type { CommandStep, CreateIndexOp } from '@ductape/core';
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
  const gsi = gsiFromIndex(index, (field) => attributeTypeIn(env.migration, op.collection, field), op.collection);
  const input = {
    TableName,
    AttributeDefinitions: attributeDefinitions([gsi.partitionKey, gsi.sortKey]),
    GlobalSecondaryIndexUpdates: [{ Create: globalIndex(gsi, undefined) }],
  };
  const unknown = op.fields.map((f) => f.name).filter((name) => declaredKeyType(env.migration, op.collection, name) === undefined);
  const keys = [gsi.partitionKey, gsi.sortKey].flatMap((k) => (k ? [`${k.name} ${unknown.includes(k.name) ? 'type from the table' : k.type}`] : [])).join(', ');
  const own = gsi.readCapacity !== undefined && gsi.writeCapacity !== undefined ? { indexThroughput: { ReadCapacityUnits: gsi.readCapacity, WriteCapacityUnits: gsi.writeCapacity } } : {};
  const extra = { throughputFromTable: true, ...own, ...(unknown.length > 0 ? { resolveTypes: { collection: op.collection, attributes: unknown } } : {}) };
  return [commandStep('UpdateTable', input, `UpdateTable ${TableName}: create GSI ${op.name} (${keys}${detailsLabel(gsi)})`, { table: TableName, index: op.name, until: 'ACTIVE' }, extra)];
}

function detailsLabel(gsi: { projection?: unknown; readCapacity?: number; writeCapacity?: number }): string {
  const projection = gsi.projection === undefined || gsi.projection === 'ALL' ? '' : `; projection ${JSON.stringify(gsi.projection)}`;
  const capacity = gsi.readCapacity !== undefined ? `; ${gsi.readCapacity}/${gsi.writeCapacity} RCU/WCU if the table is PROVISIONED` : '';
  return `${projection}${capacity}`;
}
