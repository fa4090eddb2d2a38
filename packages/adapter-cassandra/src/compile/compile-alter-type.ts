import type { AlterTypeOp, Step } from '@ductape/core';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { qualify, quoteIdent } from '../quote.js';
import { fieldType } from './compile-create-type.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';

/**
 * alterType → `ALTER TYPE … ADD "field" type` or `ALTER TYPE … RENAME "a" TO "b"`.
 * @example compileAlterType({ type: 'alterType', name: 'address', renameField: { from: 'zip', to: 'postcode' } }, { keyspace: 'app' })
 * // [ALTER TYPE "app"."address" RENAME "zip" TO "postcode"]
 */
export function compileAlterType(op: AlterTypeOp, settings: CassandraCompileSettings): Step[] {
  const type = qualify(settings.keyspace, op.name, 'type');
  const effect = { kind: 'other' as const, what: `type ${op.name}` };
  if (op.addField) return [ddl(`ALTER TYPE ${type} ADD ${quoteIdent(op.addField.name)} ${fieldType(op.name, op.addField)}`, `alter type ${op.name} add ${op.addField.name}`, undefined, effect)];
  const rename = op.renameField;
  if (!rename) return refuse(`alterType "${op.name}" without a change`, 'give addField or renameField');
  return [ddl(`ALTER TYPE ${type} RENAME ${quoteIdent(rename.from)} TO ${quoteIdent(rename.to)}`, `alter type ${op.name} rename ${rename.from}`, undefined, effect)];
}
