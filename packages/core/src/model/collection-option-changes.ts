import type { DynamoStreamViewType } from './collection-options.js';
import type { FieldDefinition } from './field.js';

/**
 * DynamoDB settings of an existing table that `alterCollectionOptions` changes. A key that is
 * absent is left as it is; each present key (or group: stream, encryption, billing) is set.
 */
export interface DynamoOptionChanges {
  /** The TTL attribute (epoch seconds, type N); null turns TTL off. */
  readonly ttlAttribute?: string | null;
  /** Stream on (with `streamViewType`) or off. */
  readonly streamEnabled?: boolean;
  readonly streamViewType?: DynamoStreamViewType;
  /** Encryption with a KMS key (true; `sseKmsKeyId`, else AWS's managed key) or with the AWS owned key (false). */
  readonly sseEnabled?: boolean;
  readonly sseKmsKeyId?: string;
  readonly pointInTimeRecovery?: boolean;
  readonly deletionProtection?: boolean;
  /** Tags to set; null removes the tag. Tags not named are left alone. */
  readonly tags?: { readonly [key: string]: string | null };
  /** With billingMode 'PROVISIONED': readCapacity and writeCapacity (and, optionally, each GSI's own). */
  readonly billingMode?: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readonly readCapacity?: number;
  readonly writeCapacity?: number;
  /** Capacities of GSIs by index name (PROVISIONED only); a GSI not named gets the table's when the table switches to PROVISIONED. */
  readonly indexThroughput?: { readonly [index: string]: { readonly readCapacity: number; readonly writeCapacity: number } };
}

/**
 * Cassandra table options of an existing table that `alterCollectionOptions` changes (ALTER TABLE
 * … WITH). A key that is absent is left as it is; `null` sets the option back to Cassandra's
 * default (default_time_to_live 0, gc_grace_seconds 864000, comment '', the default compaction
 * and compression), which is how `previous` says "the table had the default".
 */
export interface CassandraOptionChanges {
  /** Seconds a written value lives (default_time_to_live); 0 or null: forever. */
  readonly defaultTTL?: number | null;
  readonly gcGraceSeconds?: number | null;
  /** The whole compaction map, e.g. { class: 'LeveledCompactionStrategy', sstable_size_in_mb: 160 }. */
  readonly compaction?: { readonly class: string; readonly [option: string]: unknown } | null;
  /** The whole compression map, e.g. { class: 'ZstdCompressor', chunk_length_in_kb: 64 }, or { enabled: false }. */
  readonly compression?: { readonly [option: string]: unknown } | null;
  readonly comment?: string | null;
}

/**
 * MongoDB validation of an existing collection that `alterCollectionOptions` changes (`collMod`).
 * The three settings change together: what is not given keeps its current value, and `previous`
 * (read by the engine from listCollections before the change) holds all three.
 */
export interface MongoOptionChanges {
  /**
   * The whole new validator, e.g. `{ $jsonSchema: { bsonType: 'object', required: ['email'],
   * properties: { email: { bsonType: 'string' } } } }` (it replaces the current one; the
   * collection's fields are read from it afterwards); null removes the validator.
   */
  readonly validator?: { readonly [key: string]: unknown } | null;
  readonly validationLevel?: 'off' | 'strict' | 'moderate';
  readonly validationAction?: 'error' | 'warn';
  /**
   * Set by the engine in `previous`, never by hand: the collection's validator was the one its
   * fields generate (nothing beyond them), so down sets that validator again.
   */
  readonly validatorFields?: readonly FieldDefinition[];
}

/**
 * The per-database settings `alterCollectionOptions` changes on an existing collection. Each
 * adapter reads its own block and refuses the op (before IO) when it has none it can run.
 */
export interface CollectionOptionChanges {
  readonly dynamoOptions?: DynamoOptionChanges;
  readonly cassandraOptions?: CassandraOptionChanges;
  readonly mongoOptions?: MongoOptionChanges;
}

/** The blocks `alterCollectionOptions` knows. */
export const OPTION_CHANGE_BLOCKS: readonly string[] = ['dynamoOptions', 'cassandraOptions', 'mongoOptions'];
