import { type DynamoKeyType, type DynamoSecondaryIndex, type IndexDefinition, UnsupportedOperationError } from '@ductape/core';
import { indexDetailsOf } from './index-details.js';

/** `using` values that ask for a local secondary index. */
const LOCAL = new Set(['lsi', 'local']);

/**
 * A portable index definition as a DynamoDB global secondary index: the first field is the
 * partition key, the second (optional) the sort key. Refuses what a GSI cannot be, before any IO.
 * `order: 'DESC'` is refused: DynamoDB stores no index order (each query picks it with
 * ScanIndexForward), so accepting it would record an index that is not what was asked.
 * The index's `dynamoOptions` (projection, capacities; see index-details.ts) are kept.
 * @example gsiFromIndex({ name: 'by-email', fields: [{ name: 'email' }] }, () => 'S')
 */
export function gsiFromIndex(index: IndexDefinition, typeOf: (field: string) => DynamoKeyType, collection: string): DynamoSecondaryIndex {
  const what = `index "${index.name}" on "${collection}"`;
  if (index.using !== undefined && LOCAL.has(index.using.toLowerCase())) {
    throw new UnsupportedOperationError(
      'dynamodb',
      `a local secondary index (${what}) on an existing table`,
      'DynamoDB defines local secondary indexes only in CreateTable; declare it in dynamoOptions.localSecondaryIndexes when creating the table, or create a global secondary index',
    );
  }
  if (index.unique) throw new UnsupportedOperationError('dynamodb', `a unique ${what}`, 'DynamoDB secondary indexes do not enforce uniqueness; only the table key is unique');
  if (index.where !== undefined) throw new UnsupportedOperationError('dynamodb', `a partial ${what}`, 'DynamoDB indexes are sparse by themselves: items without the key attributes are left out');
  if (index.expireAfterSeconds !== undefined) throw new UnsupportedOperationError('dynamodb', `a TTL ${what}`, 'use dynamoOptions.ttlAttribute when creating the table (UpdateTimeToLive)');
  if (index.fields.some((f) => f.order === 'DESC')) {
    throw new UnsupportedOperationError('dynamodb', `a descending ${what}`, 'DynamoDB stores no index order: remove order: "DESC" and query the index with ScanIndexForward: false');
  }
  if (index.fields.length > 2) throw new UnsupportedOperationError('dynamodb', `${what} on ${index.fields.length} fields`, 'a global secondary index has a partition key and at most one sort key');
  const [partition, sort] = index.fields;
  const details = indexDetailsOf(index);
  return {
    name: index.name,
    ...details,
    ...(partition ? { partitionKey: { name: partition.name, type: typeOf(partition.name) } } : {}),
    ...(sort ? { sortKey: { name: sort.name, type: typeOf(sort.name) } } : {}),
  };
}
