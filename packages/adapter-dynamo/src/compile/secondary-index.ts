import type { DynamoKey, DynamoSecondaryIndex } from '@ductape/core';
import { type KeySchemaElement, keySchema } from './key-schema.js';
import { assertDynamoName, invalid } from './names.js';

export interface Throughput {
  readonly ReadCapacityUnits: number;
  readonly WriteCapacityUnits: number;
}

export interface IndexInput {
  readonly IndexName: string;
  readonly KeySchema: KeySchemaElement[];
  readonly Projection: { readonly ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; readonly NonKeyAttributes?: readonly string[] };
  readonly ProvisionedThroughput?: Throughput;
}

/**
 * The Projection of an index (ALL when not given).
 * @example projection({ include: ['email'] }) // { ProjectionType: 'INCLUDE', NonKeyAttributes: ['email'] }
 */
export function projection(p: DynamoSecondaryIndex['projection']): IndexInput['Projection'] {
  if (p === undefined || p === 'ALL') return { ProjectionType: 'ALL' };
  if (p === 'KEYS_ONLY') return { ProjectionType: 'KEYS_ONLY' };
  if (typeof p === 'object' && p !== null && Array.isArray(p.include) && p.include.length > 0) return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...p.include] };
  throw invalid('projection', `projection must be 'ALL', 'KEYS_ONLY' or { include: [attribute, …] }, got ${JSON.stringify(p)}`);
}

/**
 * A GlobalSecondaryIndex of CreateTable or of UpdateTable's Create, with throughput under PROVISIONED billing.
 * @example globalIndex({ name: 'email-index', partitionKey: { name: 'email', type: 'S' } }, undefined)
 */
export function globalIndex(index: DynamoSecondaryIndex, tableThroughput: Throughput | undefined): IndexInput {
  assertDynamoName('index', index.name);
  if (!index.partitionKey) throw invalid(`globalSecondaryIndexes.${index.name}.partitionKey`, `global secondary index "${index.name}" needs a partitionKey`);
  const throughput = indexThroughput(index, tableThroughput);
  return {
    IndexName: index.name,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    Projection: projection(index.projection),
    ...(throughput ? { ProvisionedThroughput: throughput } : {}),
  };
}

/**
 * A LocalSecondaryIndex: the table's partition key with another sort key.
 * @example localIndex({ name: 'created-index', sortKey: { name: 'created_at', type: 'N' } }, { name: 'id', type: 'S' }, true)
 */
export function localIndex(index: DynamoSecondaryIndex, tablePartition: DynamoKey, tableHasSortKey: boolean): IndexInput {
  assertDynamoName('index', index.name);
  const path = `localSecondaryIndexes.${index.name}`;
  if (!index.sortKey) throw invalid(`${path}.sortKey`, `local secondary index "${index.name}" needs a sortKey (it shares the table's partition key)`);
  if (index.partitionKey && index.partitionKey.name !== tablePartition.name) {
    throw invalid(`${path}.partitionKey`, `local secondary index "${index.name}" must use the table's partition key "${tablePartition.name}"`);
  }
  if (!tableHasSortKey) throw invalid(path, `local secondary indexes need a table with a sort key; add dynamoOptions.sortKey or use a global secondary index`);
  return { IndexName: index.name, KeySchema: keySchema(tablePartition, index.sortKey), Projection: projection(index.projection) };
}

function indexThroughput(index: DynamoSecondaryIndex, table: Throughput | undefined): Throughput | undefined {
  if (!table) return undefined;
  return { ReadCapacityUnits: index.readCapacity ?? table.ReadCapacityUnits, WriteCapacityUnits: index.writeCapacity ?? table.WriteCapacityUnits };
}
