import type { Adapter } from '@ductape/sdk';

/** What `drift` compares on one database, and what it leaves out there with the reason. */
export interface DriftCoverage {
  readonly uniqueConstraints: boolean;
  readonly foreignKeys: boolean;
  readonly checks: boolean;
  /** Indexes are compared by name and key fields only (DynamoDB global secondary indexes). */
  readonly indexKeysOnly: boolean;
  /** `using` of an index is compared only when the history states it (Cassandra: SAI is the default). */
  readonly usingStatedOnly: boolean;
  /** Named enum types (`enumType`) are compared: PostgreSQL's; elsewhere an enum's type name means nothing and is compared only when both sides state it. */
  readonly enumTypes?: boolean;
  /** What is not compared on this database and why, e.g. "foreign keys (mongo has none)". */
  readonly notCompared: string[];
}

/**
 * What `drift` can compare on the database behind `adapter`, from its capabilities (a database
 * without foreign keys, checks or unique constraints has none to compare) and its name (DynamoDB
 * indexes are global secondary indexes; Cassandra's are one-column SAI indexes).
 * @example driftCoverage(adapter).notCompared // ['foreign keys (mongo has none)', 'check constraints (mongo has none)']
 */
export function driftCoverage(adapter: Pick<Adapter, 'name' | 'capabilities'>): DriftCoverage {
  const { capabilities: c, name } = adapter;
  const none = (what: string) => `${what} (${name} has none)`;
  const notCompared = [
    ...(c.uniqueConstraints ? [] : [none('unique constraints')]),
    ...(c.foreignKeys ? [] : [none('foreign keys')]),
    ...(c.checkConstraints ? [] : [none('check constraints')]),
    ...(name === 'dynamodb' ? ['local secondary indexes and index projections (global secondary indexes are compared by name and key attributes)'] : []),
  ];
  return {
    uniqueConstraints: c.uniqueConstraints,
    foreignKeys: c.foreignKeys,
    checks: c.checkConstraints,
    indexKeysOnly: name === 'dynamodb',
    usingStatedOnly: name === 'cassandra',
    enumTypes: c.rawDialects.includes('postgresql'),
    notCompared,
  };
}
