import type { CassandraOptions } from '@ductape/core';
import type { Row } from '../cassandra-driver.js';

const COMPACTION_PREFIX = 'org.apache.cassandra.db.compaction.';
const COMPRESSION_PREFIX = 'org.apache.cassandra.io.compress.';
// What Cassandra 5 gives a table that does not say (and what compression: null sets back).
const DEFAULT_COMPRESSION = { chunk_length_in_kb: '16', class: 'LZ4Compressor' };
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
 * default TTL, compaction, gc_grace_seconds, comment and compression (each but compaction only
 * when it is not Cassandra's default, so a table that never said reads back as it was declared).
 * @example introspectOptions(tableRow, keyColumns).partitionKey // ['user_id']
 */
export function introspectOptions(table: Row, keys: readonly KeyColumn[]): CassandraOptions {
  const sorted = (kind: KeyColumn['kind']) => keys.filter((k) => k.kind === kind).sort((a, b) => a.position - b.position);
  const clustering = sorted('clustering');
  const ttl = Number(table.get('default_time_to_live') ?? 0);
  const gc = Number(table.get('gc_grace_seconds') ?? DEFAULT_GC_GRACE);
  const comment = (table.get('comment') as string | null) ?? '';
  const compaction = table.get('compaction') as Record<string, string> | null;
  const compression = shortClass(table.get('compression') as Record<string, string> | null);
  return {
    partitionKey: sorted('partition_key').map((k) => k.name),
    ...(clustering.length > 0
      ? { clusteringColumns: clustering.map((k) => k.name), clusteringOrder: clustering.map((k) => ({ column: k.name, order: k.order === 'desc' ? ('DESC' as const) : ('ASC' as const) })) }
      : {}),
    ...(ttl > 0 ? { defaultTTL: ttl } : {}),
    ...(compaction?.class ? { compaction: { ...compaction, class: compaction.class.replace(COMPACTION_PREFIX, '') } } : {}),
    ...(gc !== DEFAULT_GC_GRACE ? { gcGraceSeconds: gc } : {}),
    ...(comment !== '' ? { comment } : {}),
    ...(compression && !sameMap(compression, DEFAULT_COMPRESSION) ? { compression } : {}),
  };
}

function shortClass(map: Record<string, string> | null): Record<string, string> | undefined {
  if (!map) return undefined;
  return map.class ? { ...map, class: map.class.replace(COMPRESSION_PREFIX, '') } : { ...map };
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
