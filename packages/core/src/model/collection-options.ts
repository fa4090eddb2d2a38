/** SQL-only options of createCollection (PostgreSQL, MySQL, MariaDB). */
export interface SqlOptions {
  readonly ifNotExists?: boolean;
  readonly temporary?: boolean;
  /** PostgreSQL only. */
  readonly unlogged?: boolean;
  /** MySQL/MariaDB table engine, e.g. 'InnoDB'. */
  readonly engine?: string;
  readonly charset?: string;
  readonly collation?: string;
  readonly comment?: string;
}

/**
 * A MongoDB collation (how strings compare and sort), e.g. `{ locale: 'fr', strength: 2 }`: on a
 * collection (its default) or on an index. Keys other than `locale` are ICU options.
 */
export interface MongoCollation {
  readonly locale: string;
  readonly strength?: 1 | 2 | 3 | 4 | 5;
  readonly caseLevel?: boolean;
  readonly caseFirst?: 'upper' | 'lower' | 'off';
  readonly numericOrdering?: boolean;
  readonly alternate?: 'non-ignorable' | 'shifted';
  readonly maxVariable?: 'punct' | 'space';
  readonly backwards?: boolean;
  readonly normalization?: boolean;
}

/** A MongoDB time-series collection (5.0+): documents bucketed by `timeField`, grouped by `metaField`. */
export interface MongoTimeseries {
  readonly timeField: string;
  readonly metaField?: string;
  readonly granularity?: 'seconds' | 'minutes' | 'hours';
}

/** A MongoDB clustered collection (5.3+): documents stored in `_id` order; the key is always `{ _id: 1 }`, unique. */
export interface MongoClusteredIndex {
  readonly key: { readonly _id: 1 };
  readonly unique: true;
  readonly name?: string;
}

export interface MongoOptions {
  readonly capped?: boolean;
  readonly size?: number;
  readonly max?: number;
  readonly validator?: { readonly [key: string]: unknown };
  readonly validationLevel?: 'off' | 'strict' | 'moderate';
  readonly validationAction?: 'error' | 'warn';
  /** The collection's default collation, set at create. */
  readonly collation?: MongoCollation;
  /** A time-series collection, set at create (refused before IO where the server has none). */
  readonly timeseries?: MongoTimeseries;
  /** A clustered collection, set at create (refused before IO where the server has none). */
  readonly clusteredIndex?: MongoClusteredIndex;
}

export type DynamoKeyType = 'S' | 'N' | 'B';

export interface DynamoKey {
  readonly name: string;
  readonly type: DynamoKeyType;
}

export interface DynamoSecondaryIndex {
  readonly name: string;
  readonly partitionKey?: DynamoKey;
  readonly sortKey?: DynamoKey;
  readonly projection?: 'ALL' | 'KEYS_ONLY' | { readonly include: readonly string[] };
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
}

export interface DynamoOptions {
  readonly partitionKey?: DynamoKey;
  readonly sortKey?: DynamoKey;
  readonly billingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
  readonly globalSecondaryIndexes?: readonly DynamoSecondaryIndex[];
  readonly localSecondaryIndexes?: readonly DynamoSecondaryIndex[];
  readonly streamEnabled?: boolean;
  readonly streamViewType?: DynamoStreamViewType;
  readonly ttlAttribute?: string;
  /** Server-side encryption with a KMS key (`sseKmsKeyId`, else AWS's managed key `alias/aws/dynamodb`); absent or false: the AWS owned key, DynamoDB's default. */
  readonly sseEnabled?: boolean;
  readonly sseKmsKeyId?: string;
  /** Point-in-time recovery (continuous backups). */
  readonly pointInTimeRecovery?: boolean;
  /** DeleteTable is refused while true. */
  readonly deletionProtection?: boolean;
  /** The table's tags (ListTagsOfResource). */
  readonly tags?: { readonly [key: string]: string };
}

/** What a DynamoDB stream carries of each changed item. */
export type DynamoStreamViewType = 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';

export interface CassandraOptions {
  readonly partitionKey?: readonly string[];
  readonly clusteringColumns?: readonly string[];
  readonly clusteringOrder?: readonly { readonly column: string; readonly order: 'ASC' | 'DESC' }[];
  readonly defaultTTL?: number;
  readonly compaction?: { readonly class: string; readonly [option: string]: unknown };
  readonly compression?: { readonly [option: string]: unknown };
  readonly gcGraceSeconds?: number;
  readonly comment?: string;
}

/** Options of createCollection; each adapter reads its own block and ignores the others. */
export interface CollectionOptions {
  /** Adds created_at and updated_at (datetime, not null, default now). */
  readonly timestamps?: boolean;
  readonly sqlOptions?: SqlOptions;
  readonly mongoOptions?: MongoOptions;
  readonly dynamoOptions?: DynamoOptions;
  readonly cassandraOptions?: CassandraOptions;
}

export const COLLECTION_OPTION_KEYS: readonly string[] = ['timestamps', 'sqlOptions', 'mongoOptions', 'dynamoOptions', 'cassandraOptions'];
