import { type AlterCollectionOptionsOp, type CompileContext, type Step, UnsupportedOperationError } from '@ductape/core';
import { qualify } from '../quote.js';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { checkCounterTable } from './counter-rules.js';
import { ddl } from './step.js';
import { settingClauses } from './table-options.js';
import { tableBefore } from './table-state.js';
import { columnType } from './column-type.js';

/**
 * alterCollectionOptions (cassandraOptions) → one `ALTER TABLE … WITH …` setting the named
 * options (default TTL, compaction, compression, gc_grace_seconds, comment; `null`: Cassandra's
 * default). Its down is the same op with the `previous` the engine read from system_schema.
 * Other databases' blocks are refused before any IO (core refuses them first by capability).
 * @example compileAlterCollectionOptions({ type: 'alterCollectionOptions', collection: 'events', options: { cassandraOptions: { defaultTTL: 86400 } } }, ctx, { keyspace: 'app' })
 * // [ALTER TABLE "app"."events" WITH default_time_to_live = 86400]
 */
export function compileAlterCollectionOptions(op: AlterCollectionOptionsOp, ctx: CompileContext, settings: CassandraCompileSettings): Step[] {
  const other = Object.keys(op.options ?? {}).find((k) => k !== 'cassandraOptions');
  if (other !== undefined) {
    throw new UnsupportedOperationError('cassandra', `alterCollectionOptions ${other} on "${op.collection}"`, `${other} belongs to another database; Cassandra table options go in cassandraOptions`);
  }
  const changes = op.options.cassandraOptions ?? {};
  const known = tableBefore(ctx, op.collection);
  if (known && changes.defaultTTL) {
    checkCounterTable(
      op.collection,
      known.fields.map((f) => ({ name: f.name, cql: cqlOf(f, op.collection), key: known.key.includes(f.name) })),
      changes.defaultTTL,
    );
  }
  const clauses = settingClauses(changes);
  const text = `ALTER TABLE ${qualify(settings.keyspace, op.collection)} WITH ${clauses.join(' AND ')}`;
  return [ddl(text, `alter table ${op.collection} options (${Object.keys(changes).join(', ')})`, undefined, { kind: 'other', what: `table options of ${op.collection}` })];
}

function cqlOf(field: Parameters<typeof columnType>[0], table: string): string {
  try {
    return columnType(field, table);
  } catch {
    return '';
  }
}
