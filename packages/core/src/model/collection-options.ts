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

export interface MongoOptions {
  readonly capped?: boolean;
  readonly size?: number;
  readonly max?: number;
  readonly validator?: { readonly [key: string]: unknown };
  readonly validationLevel?: 'off' | 'strict' | 'moderate';
  readonly validationAction?: 'error' | 'warn';
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
  readonly streamViewType?: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
  readonly ttlAttribute?: string;
}

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
