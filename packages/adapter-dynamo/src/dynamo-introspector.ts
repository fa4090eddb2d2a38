import type { AttributeDefinition, KeySchemaElement, Projection, TableDescription } from '@aws-sdk/client-dynamodb';
import type { CollectionSnapshot, DynamoKey, DynamoOptions, DynamoSecondaryIndex, FieldDefinition, FieldType, IndexDefinition } from '@ductape/core';
import { detailsToReport } from './compile/index-details.js';
import { declaredFields } from './introspect/declared-fields.js';
import type { DynamoDriver } from './dynamo-driver.js';
import type { DynamoHistoryStore } from './dynamo-history.js';
import { AWS_FEATURES, type DynamoFeatures } from './dynamo-probe.js';
import { type ReadSettings, readSettings } from './introspect/introspect-settings.js';

/** The portable type a key attribute type reads back as (DynamoDB numbers are exact decimals). */
const FIELD_OF: { readonly [t: string]: FieldType } = { S: 'string', N: 'decimal', B: 'binary' };

/**
 * What a table looks like, from DescribeTable, DescribeTimeToLive, DescribeContinuousBackups and
 * ListTagsOfResource (the last two where the endpoint has them): its GSIs as indexes and
 * every DynamoDB setting in `options.dynamoOptions` (so the inverse of a drop recreates the same
 * table). Fields: DynamoDB stores only key and index attributes, so the fields declared by the
 * applied migrations in history come first, then any key or index attribute they do not name.
 * @example await new DynamoIntrospector(driver, (c) => c, history).introspect('users')
 */
export class DynamoIntrospector {
  constructor(
    private readonly driver: DynamoDriver,
    private readonly tableName: (collection: string) => string,
    private readonly history: DynamoHistoryStore,
    private readonly describeSettled: (table: string) => Promise<TableDescription | undefined> = (t) => driver.describe(t),
    private readonly features: () => DynamoFeatures = () => AWS_FEATURES,
  ) {}

  /**
   * Answers only once the table is settled (ACTIVE with every GSI ACTIVE, or gone): a table a
   * killed runner's CreateTable left CREATING is not yet there for a resumed run's effect check,
   * which then waits for it instead of recording the step as applied (issue 16, defect 13).
   */
  async introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    const table = await this.describeSettled(this.tableName(collection));
    if (!table) return undefined;
    const ttl = await this.driver.send('DescribeTimeToLive', { TableName: table.TableName });
    const ttlDescription = ttl.TimeToLiveDescription as { AttributeName?: string; TimeToLiveStatus?: string } | undefined;
    const ttlAttribute = ttlDescription?.TimeToLiveStatus === 'ENABLED' || ttlDescription?.TimeToLiveStatus === 'ENABLING' ? ttlDescription.AttributeName : undefined;
    const read = await readSettings(this.driver, table, this.features());
    return snapshotOf(collection, table, ttlAttribute, declaredFields(collection, await this.history.list()), read);
  }
}

/**
 * A CollectionSnapshot from a TableDescription (pure; exported for tests).
 * @example snapshotOf('users', describeOutput.Table, 'expires_at').options?.dynamoOptions?.partitionKey
 */
export function snapshotOf(collection: string, table: TableDescription, ttlAttribute: string | undefined, declared?: readonly FieldDefinition[], read: ReadSettings = {}): CollectionSnapshot {
  const defs = table.AttributeDefinitions ?? [];
  const keyOf = (schema: KeySchemaElement[] | undefined, type: 'HASH' | 'RANGE') => key(schema?.find((k) => k.KeyType === type)?.AttributeName, defs);
  const partition = keyOf(table.KeySchema, 'HASH') as DynamoKey;
  const sort = keyOf(table.KeySchema, 'RANGE');
  // DescribeTable lists indexes in no fixed order: sort by name so snapshots compare equal.
  const provisioned = table.BillingModeSummary?.BillingMode === 'PROVISIONED' || (!table.BillingModeSummary && (table.ProvisionedThroughput?.ReadCapacityUnits ?? 0) > 0);
  // A GSI's capacities mean something only on a PROVISIONED table (DynamoDB Local keeps reporting
  // those of before a switch to PAY_PER_REQUEST).
  const gsis: DynamoSecondaryIndex[] = byName(table.GlobalSecondaryIndexes).map((g) => ({
    name: String(g.IndexName),
    ...opt('partitionKey', keyOf(g.KeySchema, 'HASH')),
    ...opt('sortKey', keyOf(g.KeySchema, 'RANGE')),
    ...opt('projection', projectionOf(g.Projection)),
    ...(provisioned ? capacity(g.ProvisionedThroughput) : {}),
  }));
  const lsis: DynamoSecondaryIndex[] = byName(table.LocalSecondaryIndexes).map((l) => ({
    name: String(l.IndexName),
    ...opt('sortKey', keyOf(l.KeySchema, 'RANGE')),
    ...opt('projection', projectionOf(l.Projection)),
  }));
  const stream = table.StreamSpecification;
  const dynamoOptions: DynamoOptions = {
    partitionKey: partition,
    ...opt('sortKey', sort),
    billingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ...(provisioned ? capacity(table.ProvisionedThroughput) : {}),
    ...(gsis.length > 0 ? { globalSecondaryIndexes: gsis } : {}),
    ...(lsis.length > 0 ? { localSecondaryIndexes: lsis } : {}),
    ...(stream?.StreamEnabled ? { streamEnabled: true, ...opt('streamViewType', stream.StreamViewType) } : {}),
    ...opt('ttlAttribute', ttlAttribute),
    ...encryption(table.SSEDescription),
    ...(read.pointInTimeRecovery ? { pointInTimeRecovery: true } : {}),
    ...(table.DeletionProtectionEnabled ? { deletionProtection: true } : {}),
    ...(read.tags ? { tags: read.tags } : {}),
  };
  const keyNames = new Set([partition.name, sort?.name]);
  // Declared fields are authoritative (an index key whose field was dropped is not a field any
  // more); the table's key attributes are always listed; a table Ductape did not create shows
  // every key and index attribute.
  const undeclared: FieldDefinition[] = defs
    .filter((d) => !declared?.some((f) => f.name === d.AttributeName) && (!declared || keyNames.has(d.AttributeName)))
    .map((d) => ({ name: String(d.AttributeName), type: FIELD_OF[String(d.AttributeType)] ?? 'string', ...(keyNames.has(d.AttributeName) ? { primaryKey: true } : {}) }))
    .sort((a, b) => compare(a.name, b.name));
  // The table's key attributes are primary key fields whatever was declared (the first field of a
  // table created without a key is its partition key).
  const fields = [...(declared ?? []).map((f) => (keyNames.has(f.name) && !f.primaryKey ? { ...f, primaryKey: true } : f)), ...undeclared];
  // A GSI's projection and capacities ride on its definition when not the defaults, so a
  // dropIndex's recorded `previous` (this definition) recreates the same index in its down.
  const indexes: IndexDefinition[] = gsis.map((g) => {
    const details = detailsToReport(g);
    return { name: g.name, fields: [g.partitionKey, g.sortKey].flatMap((k) => (k ? [{ name: k.name }] : [])), ...(details ? { dynamoOptions: details } : {}) };
  });
  return { name: collection, fields, indexes, options: { dynamoOptions } };
}

/** KMS encryption (ENABLED, or being applied) with its key; the AWS owned key (no SSEDescription, or DISABLED) is the default and left out. */
function encryption(sse: TableDescription['SSEDescription']): Pick<DynamoOptions, 'sseEnabled' | 'sseKmsKeyId'> {
  if (!sse || !['ENABLED', 'ENABLING', 'UPDATING'].includes(String(sse.Status))) return {};
  return { sseEnabled: true, ...opt('sseKmsKeyId', sse.KMSMasterKeyArn) };
}

function byName<T extends { IndexName?: string }>(list: readonly T[] | undefined): T[] {
  return [...(list ?? [])].sort((a, b) => compare(String(a.IndexName), String(b.IndexName)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function key(name: string | undefined, defs: AttributeDefinition[]): DynamoKey | undefined {
  if (!name) return undefined;
  const type = defs.find((d) => d.AttributeName === name)?.AttributeType ?? 'S';
  return { name, type: type as DynamoKey['type'] };
}

function projectionOf(p: Projection | undefined): DynamoSecondaryIndex['projection'] {
  if (!p?.ProjectionType || p.ProjectionType === 'ALL') return 'ALL';
  if (p.ProjectionType === 'KEYS_ONLY') return 'KEYS_ONLY';
  return { include: [...(p.NonKeyAttributes ?? [])] };
}

function capacity(t: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined): { readCapacity?: number; writeCapacity?: number } {
  if (!t?.ReadCapacityUnits || !t.WriteCapacityUnits) return {};
  return { readCapacity: t.ReadCapacityUnits, writeCapacity: t.WriteCapacityUnits };
}

function opt<K extends string, V>(k: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
}
