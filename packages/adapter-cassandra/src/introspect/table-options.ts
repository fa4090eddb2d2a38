import type { CassandraOptions } from '@ductape/core';
import type { Row } from '../cassandra-driver.js';

const COMPACTION_PREFIX = 'org.apache.cassandra.db.compaction.';
const DEFAULT_GC_GRACE = 864_000;

/** One key column as system_schema.columns describes it. */
export interface KeyColumn {
  readonly name: string;
  readonly kind: 'partition_key' | 'clustering';
  readonly position: number;
  readonly order: 'asc' | 'desc' | 'none';
}

/**
 * The cassandraOptions of a table from its system_schema rows: the key, clustering order,
 * default TTL, compaction, gc_grace_seconds and comment (compression is left out).
 * @example introspectOptions(tableRow, keyColumns).partitionKey // ['user_id']
 */
export function introspectOptions(table: Row, keys: readonly KeyColumn[]): CassandraOptions {
  const sorted = (kind: KeyColumn['kind']) => keys.filter((k) => k.kind === kind).sort((a, b) => a.position - b.position);
  const clustering = sorted('clustering');
  const ttl = Number(table.get('default_time_to_live') ?? 0);
  const gc = Number(table.get('gc_grace_seconds') ?? DEFAULT_GC_GRACE);
  const comment = (table.get('comment') as string | null) ?? '';
  const compaction = table.get('compaction') as Record<string, string> | null;
  return {
    partitionKey: sorted('partition_key').map((k) => k.name),
    ...(clustering.length > 0
      ? { clusteringColumns: clustering.map((k) => k.name), clusteringOrder: clustering.map((k) => ({ column: k.name, order: k.order === 'desc' ? ('DESC' as const) : ('ASC' as const) })) }
      : {}),
    ...(ttl > 0 ? { defaultTTL: ttl } : {}),
    ...(compaction?.class ? { compaction: { ...compaction, class: compaction.class.replace(COMPACTION_PREFIX, '') } } : {}),
    ...(gc !== DEFAULT_GC_GRACE ? { gcGraceSeconds: gc } : {}),
    ...(comment !== '' ? { comment } : {}),
  };
}
