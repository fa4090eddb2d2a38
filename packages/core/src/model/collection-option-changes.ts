import type { DynamoStreamViewType } from './collection-options.js';

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
 * The per-database settings `alterCollectionOptions` changes on an existing collection. Each
 * adapter reads its own block and refuses the op (before IO) when it has none it can run; only
 * `dynamoOptions` exists so far (Cassandra table options and MongoDB validators are to come).
 */
export interface CollectionOptionChanges {
  readonly dynamoOptions?: DynamoOptionChanges;
}

/** The blocks `alterCollectionOptions` knows. */
export const OPTION_CHANGE_BLOCKS: readonly string[] = ['dynamoOptions'];
