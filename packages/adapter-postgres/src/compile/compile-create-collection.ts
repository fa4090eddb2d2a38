import { timestampFields, type CreateCollectionOp, type Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnDefinition } from './column-definition.js';
import type { CompileSettings } from './compile-settings.js';
import { columnList, constraintDefinition } from './constraint-definition.js';
import { pkName } from './derived-names.js';
import { createIndexSql } from './index-definition.js';
import { sql } from './step.js';

/**
 * CREATE TABLE (sqlOptions: temporary, unlogged, ifNotExists; timestamps), then the indexes
 * and constraints a restored drop carries, one step each.
 * @example compileCreateCollection({ type: 'createCollection', name: 'users', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] }, DEFAULT_SETTINGS)
 */
export function compileCreateCollection(op: CreateCollectionOp, settings: CompileSettings): Step[] {
  const sqlOptions = op.options?.sqlOptions ?? {};
  const temporary = sqlOptions.temporary === true;
  const schema = temporary ? undefined : settings.schema;
  const fields = [...op.fields];
  if (op.options?.timestamps) fields.push(...timestampFields().filter((t) => !fields.some((f) => f.name === t.name)));
  const keys = fields.filter((f) => f.primaryKey);
  const composite = keys.length > 1;
  const lines = fields.map((f) => columnDefinition(op.name, f, !composite));
  if (composite) lines.push(`CONSTRAINT ${quoteIdent(pkName(op.name))} PRIMARY KEY (${columnList(keys.map((k) => k.name))})`);
  const kind = temporary ? 'TEMPORARY TABLE' : sqlOptions.unlogged ? 'UNLOGGED TABLE' : 'TABLE';
  const table = qualify(schema, op.name);
  const steps: Step[] = [sql(`CREATE ${kind} ${sqlOptions.ifNotExists ? 'IF NOT EXISTS ' : ''}${table} (\n  ${lines.join(',\n  ')}\n)`, `create table ${table}`)];
  for (const index of op.indexes ?? []) steps.push(sql(createIndexSql(schema, op.name, index, false), `create index ${quoteIdent(index.name)} on ${table}`));
  for (const c of op.constraints ?? []) steps.push(sql(`ALTER TABLE ${table} ADD ${constraintDefinition(schema, c)}`, `add constraint ${quoteIdent(c.name)} on ${table}`));
  return steps;
}
