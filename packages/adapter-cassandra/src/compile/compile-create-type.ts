import type { AlterTypeOp, CreateTypeOp, DropTypeOp, FieldDefinition, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnType } from './column-type.js';
import type { CompileSettings } from './compile-settings.js';
import { isCounter } from './counter-rules.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';

/**
 * createType → `CREATE TYPE "ks"."name" ("field" type, …)`, each field's CQL type as a column's
 * (a counter cannot be a field of a type).
 * @example compileCreateType({ type: 'createType', name: 'address', fields: [{ name: 'city', type: 'text' }] }, { keyspace: 'app' })
 * // [CREATE TYPE "app"."address" ("city" text)]
 */
export function compileCreateType(op: CreateTypeOp, settings: CompileSettings): Step[] {
  if (op.name !== op.name.toLowerCase()) {
    refuse(`createType "${op.name}"`, `columns name a type unquoted (frozen<${op.name}>), which Cassandra reads in lower case: name it "${op.name.toLowerCase()}"`);
  }
  const fields = op.fields.map((f) => `${quoteIdent(f.name)} ${fieldType(op.name, f)}`);
  return [ddl(`CREATE TYPE ${qualify(settings.keyspace, op.name, 'type')} (${fields.join(', ')})`, `create type ${op.name}`, undefined, { kind: 'other', what: `type ${op.name}` })];
}

/**
 * alterType → `ALTER TYPE … ADD "field" type` or `ALTER TYPE … RENAME "a" TO "b"`.
 * @example compileAlterType({ type: 'alterType', name: 'address', renameField: { from: 'zip', to: 'postcode' } }, { keyspace: 'app' })
 * // [ALTER TYPE "app"."address" RENAME "zip" TO "postcode"]
 */
export function compileAlterType(op: AlterTypeOp, settings: CompileSettings): Step[] {
  const type = qualify(settings.keyspace, op.name, 'type');
  const effect = { kind: 'other' as const, what: `type ${op.name}` };
  if (op.addField) return [ddl(`ALTER TYPE ${type} ADD ${quoteIdent(op.addField.name)} ${fieldType(op.name, op.addField)}`, `alter type ${op.name} add ${op.addField.name}`, undefined, effect)];
  const rename = op.renameField;
  if (!rename) return refuse(`alterType "${op.name}" without a change`, 'give addField or renameField');
  return [ddl(`ALTER TYPE ${type} RENAME ${quoteIdent(rename.from)} TO ${quoteIdent(rename.to)}`, `alter type ${op.name} rename ${rename.from}`, undefined, effect)];
}

/**
 * dropType → `DROP TYPE "ks"."name"` (Cassandra refuses it while a column or another type uses it).
 * @example compileDropType({ type: 'dropType', name: 'address' }, { keyspace: 'app' }) // [DROP TYPE "app"."address"]
 */
export function compileDropType(op: DropTypeOp, settings: CompileSettings): Step[] {
  return [ddl(`DROP TYPE ${qualify(settings.keyspace, op.name, 'type')}`, `drop type ${op.name}`, undefined, { kind: 'other', what: `type ${op.name}` })];
}

function fieldType(type: string, field: FieldDefinition): string {
  const cql = columnType(field, `${type}.${field.name}`);
  if (isCounter(cql)) refuse(`counter field "${type}.${field.name}"`, 'a field of a user-defined type cannot be a counter');
  return cql;
}
