import type { DynamoSecondaryIndex, IndexDefinition } from '@ductape/core';
import { invalid } from './names.js';

/**
 * What a GSI has beyond its keys: its projection and, on a PROVISIONED table, its capacities.
 * Introspection reports it on an index definition (`dynamoOptions`, only when not the defaults:
 * projection ALL, no throughput), so a dropIndex's recorded `previous` carries it and the down's
 * createIndex recreates the index exactly; a definition without it gives ALL and the table's
 * throughput, as before.
 */
export type DynamoIndexDetails = Pick<DynamoSecondaryIndex, 'projection' | 'readCapacity' | 'writeCapacity'>;

/** An index definition with its DynamoDB details (an IndexDefinition core passes through untouched). */
export type DynamoIndexDefinition = IndexDefinition & { readonly dynamoOptions?: DynamoIndexDetails };

/**
 * The DynamoDB details an index definition carries (none: `{}`), checked before any IO.
 * @example indexDetailsOf({ name: 'ix', fields: [{ name: 'a' }], dynamoOptions: { projection: 'KEYS_ONLY' } }) // { projection: 'KEYS_ONLY' }
 */
export function indexDetailsOf(index: IndexDefinition): DynamoIndexDetails {
  const details = (index as DynamoIndexDefinition).dynamoOptions;
  if (details === undefined || details === null) return {};
  const path = `indexes.${index.name}.dynamoOptions`;
  if (typeof details !== 'object' || Array.isArray(details)) throw invalid(path, "an index's dynamoOptions must be { projection?, readCapacity?, writeCapacity? }");
  const { projection, readCapacity, writeCapacity } = details;
  const capacity = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;
  if ((readCapacity !== undefined || writeCapacity !== undefined) && !(capacity(readCapacity) && capacity(writeCapacity))) {
    throw invalid(path, `readCapacity and writeCapacity must both be positive integers, got ${JSON.stringify({ readCapacity, writeCapacity })}`);
  }
  return {
    ...(projection !== undefined ? { projection } : {}),
    ...(readCapacity !== undefined && writeCapacity !== undefined ? { readCapacity, writeCapacity } : {}),
  };
}

/**
 * The details to report on a GSI's index definition: those that are not the defaults.
 * @example detailsToReport({ name: 'ix', projection: 'ALL' }) // undefined
 */
export function detailsToReport(gsi: DynamoSecondaryIndex): DynamoIndexDetails | undefined {
  const projection = gsi.projection !== undefined && gsi.projection !== 'ALL' ? { projection: gsi.projection } : {};
  const capacity = gsi.readCapacity && gsi.writeCapacity ? { readCapacity: gsi.readCapacity, writeCapacity: gsi.writeCapacity } : {};
  const details = { ...projection, ...capacity };
  return Object.keys(details).length > 0 ? details : undefined;
}
