import { type IssueList, isRecord } from '../helpers/issue-list.js';
import type { CassandraOptionChanges } from '../model/collection-option-changes.js';
import type { CassandraOptions } from '../model/collection-options.js';

// The Cassandra block of alterCollectionOptions: its shape, what a table had of the options it
// names (its `previous`), and their effect on a snapshot. Keys, clustering order and the
// partition key are fixed when a table is created and are not here.

/** The table options the Cassandra block changes. */
export const CASSANDRA_OPTION_KEYS = ['defaultTTL', 'gcGraceSeconds', 'compaction', 'compression', 'comment'] as const;

type Key = (typeof CASSANDRA_OPTION_KEYS)[number];

const KEYS: readonly string[] = CASSANDRA_OPTION_KEYS;

/**
 * Checks a Cassandra block of alterCollectionOptions (also its `previous`, which has the same shape).
 * @example validateCassandraChanges({ gcGraceSeconds: -1 }, 'up[0].options.cassandraOptions', out) // invalid_option
 */
export function validateCassandraChanges(o: unknown, path: string, out: IssueList): void {
  if (!isRecord(o) || Object.keys(o).length === 0) {
    return out.add('empty_change', path, 'cassandraOptions needs at least one setting, e.g. { defaultTTL: 86400 } or { comment: "events by day" }');
  }
  for (const k of Object.keys(o)) {
    if (!KEYS.includes(k)) {
      const fixed = ['partitionKey', 'clusteringColumns', 'clusteringOrder'].includes(k) ? ': the key and clustering order are fixed when a Cassandra table is created' : '';
      out.add('unknown_option', `${path}.${k}`, `unknown Cassandra table setting "${k}"; use ${KEYS.join(', ')}${fixed}`);
    }
  }
  const bad = (key: string, message: string) => out.add('invalid_option', `${path}.${key}`, message);
  for (const k of ['defaultTTL', 'gcGraceSeconds'] as const) {
    const v = o[k];
    if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) bad(k, `${k} must be a whole number of seconds, 0 or more, or null for Cassandra's default`);
  }
  if (o.comment !== undefined && o.comment !== null && typeof o.comment !== 'string') bad('comment', 'comment must be a string, or null for none');
  for (const k of ['compaction', 'compression'] as const) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (!isRecord(v)) bad(k, `${k} must be an object of option → value, or null for Cassandra's default`);
    else if (k === 'compaction' && typeof v.class !== 'string') bad(k, 'compaction needs a "class", e.g. "LeveledCompactionStrategy"');
    else if (Object.values(v).some((x) => typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean')) bad(k, `${k} values must be strings, numbers or booleans`);
  }
}

/**
 * What the table has now of each option `changes` names, from its introspected
 * cassandraOptions (an option introspection leaves out is at Cassandra's default: null).
 * @example previousCassandra({ defaultTTL: 60 }, { defaultTTL: 3600 }) // { defaultTTL: 3600 }
 */
export function previousCassandra(changes: CassandraOptionChanges, now: CassandraOptions): CassandraOptionChanges {
  const out: Record<string, unknown> = {};
  for (const k of namedKeys(changes)) out[k] = (now as Record<string, unknown>)[k] ?? null;
  return out as CassandraOptionChanges;
}

/**
 * True when `previous` names every option `changes` names.
 * @example coversCassandra({ comment: 'x' }, { comment: null }) // true
 */
export function coversCassandra(changes: CassandraOptionChanges, previous: CassandraOptionChanges | undefined): boolean {
  if (!previous) return false;
  return namedKeys(changes).every((k) => Object.hasOwn(previous, k));
}

/**
 * The cassandraOptions of a collection after the changes (null removes the option: the default).
 * @example applyCassandraChanges({ defaultTTL: 60 }, { defaultTTL: null, comment: 'x' }) // { comment: 'x' }
 */
export function applyCassandraChanges(now: CassandraOptions, changes: CassandraOptionChanges): CassandraOptions {
  const out: Record<string, unknown> = { ...now };
  for (const k of namedKeys(changes)) {
    const v = changes[k];
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out as CassandraOptions;
}

/** The option keys `changes` names, in a fixed order. */
export function namedKeys(changes: CassandraOptionChanges): Key[] {
  return CASSANDRA_OPTION_KEYS.filter((k) => changes[k] !== undefined);
}
