import { type CommandStep, type CreateCollectionOp, type DynamoKey, type DynamoKeyType, type DynamoOptions, type DynamoSecondaryIndex, UnsupportedOperationError } from '@ductape/core';
import { attributeTypeIn, attributeTypeOf, keyTypeOf } from './attribute-type.js';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { gsiFromIndex } from './index-definition.js';
import { attributeDefinitions, keySchema } from './key-schema.js';
import { assertDynamoName, invalid } from './names.js';
import { type Throughput, globalIndex, localIndex } from './secondary-index.js';
import { pointInTimeRecoveryStep, requireFeature } from './setting-steps.js';
import { commandStep } from './step.js';

/**
 * createCollection → CreateTable (keys, attribute definitions for key and index attributes only,
 * billing, GSIs, LSIs, stream; waits until the table and its indexes are ACTIVE), then
 * UpdateTimeToLive when `dynamoOptions.ttlAttribute` is set. On DynamoDB Local
 * (`env.gsisInCreateTable` false) the CreateTable has no GSIs and an UpdateTable per GSI follows it.
 * @example compileCreateCollection({ type: 'createCollection', name: 'users', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] }, env)
 */
export function compileCreateCollection(op: CreateCollectionOp, env: DynamoCompileSettings): CommandStep[] {
  const TableName = env.tableName(op.name);
  assertDynamoName('table', TableName);
  const o: DynamoOptions = op.options?.dynamoOptions ?? {};
  for (const f of op.fields) attributeTypeOf(f, `${op.name}.${f.name}`);
  const { partition, sort } = tableKeys(op, o);
  refuseUniqueFields(op, [partition, sort]);
  const throughput = provisioned(o);
  // The table's own definition of a key first (another op of the migration may define the same name differently).
  const typeOf = (field: string) => {
    const own = op.fields.find((f) => f.name === field);
    return (own ? keyTypeOf(own) : undefined) ?? attributeTypeIn(env.migration, op.name, field);
  };
  const gsis = globalIndexes(op, o, typeOf);
  const lsis = o.localSecondaryIndexes ?? [];
  // Checks every key attribute for one type, GSIs' included, before anything is split off.
  const definitions = attributeDefinitions([partition, sort, ...gsis.flatMap((g) => [g.partitionKey, g.sortKey]), ...lsis.map((l) => l.sortKey)]);
  const inCreate = env.gsisInCreateTable ? gsis : [];
  const input = {
    TableName,
    AttributeDefinitions: env.gsisInCreateTable ? definitions : attributeDefinitions([partition, sort, ...lsis.map((l) => l.sortKey)]),
    KeySchema: keySchema(partition, sort),
    BillingMode: throughput ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ...(throughput ? { ProvisionedThroughput: throughput } : {}),
    ...(inCreate.length > 0 ? { GlobalSecondaryIndexes: inCreate.map((g) => globalIndex(g, throughput)) } : {}),
    ...(lsis.length > 0 ? { LocalSecondaryIndexes: lsis.map((l) => localIndex(l, partition, sort !== undefined)) } : {}),
    ...(o.streamEnabled ? { StreamSpecification: { StreamEnabled: true, StreamViewType: o.streamViewType ?? 'NEW_AND_OLD_IMAGES' } } : {}),
    ...tableSettings(TableName, o, env),
  };
  const keys = `${partition.name} ${partition.type} HASH${sort ? `, ${sort.name} ${sort.type} RANGE` : ''}`;
  const extras = [
    inCreate.length ? `${inCreate.length} GSI` : '',
    lsis.length ? `${lsis.length} LSI` : '',
    o.streamEnabled ? 'stream' : '',
    o.sseEnabled ? 'KMS encryption' : '',
    o.deletionProtection ? 'deletion protection' : '',
    o.tags && Object.keys(o.tags).length > 0 ? 'tags' : '',
  ].filter(Boolean);
  const steps = [commandStep('CreateTable', input, `CreateTable ${TableName} (${[keys, ...extras].join('; ')})`, { table: TableName, until: 'ACTIVE' })];
  if (!env.gsisInCreateTable) steps.push(...gsis.map((g) => addedGsiStep(op.name, TableName, g, throughput)));
  if (o.ttlAttribute !== undefined) {
    if (typeof o.ttlAttribute !== 'string' || o.ttlAttribute === '') throw invalid('dynamoOptions.ttlAttribute', 'ttlAttribute must be a non-empty attribute name');
    const spec = { AttributeName: o.ttlAttribute, Enabled: true };
    steps.push(commandStep('UpdateTimeToLive', { TableName, TimeToLiveSpecification: spec }, `UpdateTimeToLive ${TableName} on ${o.ttlAttribute}`));
  }
  if (o.pointInTimeRecovery === true) {
    requireFeature(env.features, 'pointInTimeRecovery', `point-in-time recovery of ${TableName}`);
    steps.push(pointInTimeRecoveryStep(TableName, true));
  }
  return steps;
}

/**
 * Encryption, deletion protection and tags of a new table (a dropped table's snapshot carries
 * them, so its down recreates them); what DynamoDB Local lacks is refused before any change.
 */
function tableSettings(TableName: string, o: DynamoOptions, env: DynamoCompileSettings): { readonly [key: string]: unknown } {
  const tags = Object.entries(o.tags ?? {});
  if (o.sseEnabled) requireFeature(env.features, 'encryptionSettings', `the encryption settings of ${TableName}`);
  if (tags.length > 0) requireFeature(env.features, 'tagging', `the tags of ${TableName}`);
  return {
    ...(o.sseEnabled ? { SSESpecification: { Enabled: true, SSEType: 'KMS', ...(o.sseKmsKeyId ? { KMSMasterKeyId: o.sseKmsKeyId } : {}) } } : {}),
    ...(o.deletionProtection ? { DeletionProtectionEnabled: true } : {}),
    ...(tags.length > 0 ? { Tags: tags.map(([Key, Value]) => ({ Key, Value })) } : {}),
  };
}

/**
 * One GSI of a createCollection added after the CreateTable (DynamoDB Local, see DynamoFeatures),
 * with the table's throughput when it is PROVISIONED. Its effect is the index, so a resumed run
 * killed between the CreateTable and this step finds the table there and sends this step still.
 */
function addedGsiStep(collection: string, TableName: string, g: DynamoSecondaryIndex, throughput: Throughput | undefined): CommandStep {
  const input = { TableName, AttributeDefinitions: attributeDefinitions([g.partitionKey, g.sortKey]), GlobalSecondaryIndexUpdates: [{ Create: globalIndex(g, throughput) }] };
  const step = commandStep('UpdateTable', input, `UpdateTable ${TableName}: create GSI ${g.name} of the new table (DynamoDB Local)`, { table: TableName, index: g.name, until: 'ACTIVE' });
  return { ...step, effects: [{ kind: 'index', collection, name: g.name, exists: true }] };
}

/**
 * The GSIs to create. Without `indexes` (the builder's createCollection), those of dynamoOptions
 * and nothing else. With `indexes` (the down of a drop: the snapshot as it was at that point of
 * the migration), `indexes` names the GSIs, since core's schema state follows createIndex and
 * dropIndex there but not in dynamoOptions: a GSI dropped earlier in the migration is not created
 * (its down's createIndex creates it; issue 17, finding 24), and a dynamoOptions entry supplies
 * the projection, capacities and key types of an index only when it has the same keys.
 */
function globalIndexes(op: CreateCollectionOp, o: DynamoOptions, typeOf: (field: string) => DynamoKeyType): DynamoSecondaryIndex[] {
  const declared = o.globalSecondaryIndexes ?? [];
  if (op.indexes === undefined) return [...declared];
  return op.indexes.map((index) => {
    const d = declared.find((g) => g.name === index.name);
    const keys = (g: DynamoSecondaryIndex) => [g.partitionKey?.name, g.sortKey?.name].filter((k) => k !== undefined);
    return d && JSON.stringify(keys(d)) === JSON.stringify(index.fields.map((f) => f.name)) ? d : gsiFromIndex(index, typeOf, op.name);
  });
}

/** Partition and sort key from dynamoOptions, else from the primaryKey fields (first = partition, second = sort), else the first field. */
function tableKeys(op: CreateCollectionOp, o: DynamoOptions): { partition: DynamoKey; sort: DynamoKey | undefined } {
  if (o.partitionKey) return { partition: o.partitionKey, sort: o.sortKey };
  if (o.sortKey) throw invalid('dynamoOptions.sortKey', 'a sortKey needs a partitionKey in dynamoOptions too');
  const pk = op.fields.filter((f) => f.primaryKey === true);
  const fromConstraint = op.constraints?.find((c) => c.type === 'primaryKey');
  // Without a declared key, the first field is the partition key (a DynamoDB table needs one).
  const first = op.fields[0]?.name;
  const names = pk.length > 0 ? pk.map((f) => f.name) : (fromConstraint?.columns ?? (first ? [first] : []));
  if (names.length === 0) throw invalid('fields', `table "${op.name}" needs a partition key: mark a field primaryKey or give dynamoOptions.partitionKey`, 'no_partition_key');
  if (names.length > 2) throw new UnsupportedOperationError('dynamodb', `a primary key of ${names.length} fields on "${op.name}"`, 'a DynamoDB key is a partition key and at most one sort key');
  const [partition, sort] = names.map((name) => keyOf(op, name));
  return { partition: partition as DynamoKey, sort };
}

function keyOf(op: CreateCollectionOp, name: string): DynamoKey {
  const field = op.fields.find((f) => f.name === name);
  const type = field ? keyTypeOf(field) : 'S';
  const what = field?.type === 'native' ? `native type ${field.native}` : `type ${field?.type}`;
  if (!type) throw invalid(`fields.${name}`, `field "${name}" of ${what} cannot be a DynamoDB key (keys are S, N or B)`, 'invalid_key_type');
  return { name, type };
}

function refuseUniqueFields(op: CreateCollectionOp, keys: readonly (DynamoKey | undefined)[]): void {
  const keyNames = new Set(keys.map((k) => k?.name));
  const unique = op.fields.find((f) => f.unique === true && !keyNames.has(f.name) && !(f.primaryKey === true));
  if (unique) {
    throw new UnsupportedOperationError(
      'dynamodb',
      `unique field "${op.name}.${unique.name}"`,
      'DynamoDB enforces uniqueness only on the table key; drop `unique` or make the field the partition key',
    );
  }
  const constraint = op.constraints?.find((c) => c.type !== 'primaryKey');
  if (constraint) throw new UnsupportedOperationError('dynamodb', `a ${constraint.type} constraint on "${op.name}"`, 'DynamoDB has no constraints besides the table key');
}

function provisioned(o: DynamoOptions): Throughput | undefined {
  const mode = o.billingMode ?? 'PAY_PER_REQUEST';
  if (mode === 'PAY_PER_REQUEST') return undefined;
  if (mode !== 'PROVISIONED') throw invalid('dynamoOptions.billingMode', `billingMode must be 'PAY_PER_REQUEST' or 'PROVISIONED', got ${JSON.stringify(mode)}`);
  const { readCapacity, writeCapacity } = o;
  if (!isUnits(readCapacity) || !isUnits(writeCapacity)) throw invalid('dynamoOptions.readCapacity', 'PROVISIONED billing needs readCapacity and writeCapacity (positive integers)');
  return { ReadCapacityUnits: readCapacity, WriteCapacityUnits: writeCapacity };
}

function isUnits(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0;
}
