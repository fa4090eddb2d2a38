import type { CreateTypeOp, FieldDefinition, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnType } from './column-type.js';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { isCounter } from './counter-rules.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';

/**
 * createType → `CREATE TYPE "ks"."name" ("field" type, …)`, each field's CQL type as a column's
 * (a counter cannot be a field of a type).
 * @example compileCreateType({ type: 'createType', name: 'address', fields: [{ name: 'city', type: 'text' }] }, { keyspace: 'app' })
 * // [CREATE TYPE "app"."address" ("city" text)]
 */
export function compileCreateType(op: CreateTypeOp, settings: CassandraCompileSettings): Step[] {
  if (op.name !== op.name.toLowerCase()) {
    refuse(`createType "${op.name}"`, `columns name a type unquoted (frozen<${op.name}>), which Cassandra reads in lower case: name it "${op.name.toLowerCase()}"`);
  }
  const fields = op.fields.map((f) => `${quoteIdent(f.name)} ${fieldType(op.name, f)}`);
  return [ddl(`CREATE TYPE ${qualify(settings.keyspace, op.name, 'type')} (${fields.join(', ')})`, `create type ${op.name}`, undefined, { kind: 'other', what: `type ${op.name}` })];
}

/** A field of a user-defined type: its CQL type as a column's, never a counter. */
export function fieldType(type: string, field: FieldDefinition): string {
  const cql = columnType(field, `${type}.${field.name}`);
  if (isCounter(cql)) refuse(`counter field "${type}.${field.name}"`, 'a field of a user-defined type cannot be a counter');
  return cql;
}
