import type { CompileContext, DropFieldOp, Step } from '@ductape/core';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { qualify, quoteIdent } from '../quote.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';
import { tableBefore } from './table-state.js';

/**
 * dropField → ALTER TABLE … DROP. A key column (known from this migration or `previous`) is refused.
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'legacy' }, ctx, { keyspace: 'app' })
 */
export function compileDropField(op: DropFieldOp, ctx: CompileContext, settings: CassandraCompileSettings): Step[] {
  const where = `${op.collection}.${op.field}`;
  const known = tableBefore(ctx, op.collection);
  if (op.previous?.primaryKey === true || known?.key.includes(op.field)) refuse(`dropping key column "${where}"`, 'Cassandra cannot drop primary key columns');
  return [
    ddl(`ALTER TABLE ${qualify(settings.keyspace, op.collection)} DROP ${quoteIdent(op.field)}`, `drop column ${where}`, undefined, { kind: 'dropColumn', table: op.collection, column: op.field }),
  ];
}
