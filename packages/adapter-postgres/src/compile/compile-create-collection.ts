import { timestampFields, type CreateCollectionOp, type Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnDefinition, extensionsOf } from './column-definition.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { columnList, constraintDefinition } from './constraint-definition.js';
import { pkName, uniqueName } from './derived-names.js';
import { createIndexSql } from './index-definition.js';
import { enumTypesOf, ensureEnumType } from './enum-type.js';
import { type InlineKey, indexCreated, keyCreated } from './relation-changes.js';
import { sql } from './step.js';

/**
 * The named enum types its fields use (ensureEnumType), CREATE TABLE (sqlOptions: temporary,
 * unlogged, ifNotExists; timestamps), then the indexes
 * and constraints a restored drop carries, one step each.
 * @example compileCreateCollection({ type: 'createCollection', name: 'users', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] }, DEFAULT_SETTINGS)
 */
export function compileCreateCollection(op: CreateCollectionOp, settings: PostgresCompileSettings): Step[] {
  const sqlOptions = op.options?.sqlOptions ?? {};
  const temporary = sqlOptions.temporary === true;
  const schema = temporary ? undefined : settings.schema;
  const fields = [...op.fields];
  if (op.options?.timestamps) fields.push(...timestampFields().filter((t) => !fields.some((f) => f.name === t.name)));
  const keys = fields.filter((f) => f.primaryKey);
  const composite = keys.length > 1;
  const lines = fields.map((f) => columnDefinition(op.name, f, !composite, settings.schema));
  if (composite) lines.push(`CONSTRAINT ${quoteIdent(pkName(op.name))} PRIMARY KEY (${columnList(keys.map((k) => k.name))})`);
  const kind = temporary ? 'TEMPORARY TABLE' : sqlOptions.unlogged ? 'UNLOGGED TABLE' : 'TABLE';
  const table = qualify(schema, op.name);
  // A temporary table and its indexes live in pg_temp, not in the adapter's schema.
  const named = <T>(changes: T[]): T[] => (temporary ? [] : changes);
  const inlineKeys: InlineKey[] = [];
  if (keys.length > 0) inlineKeys.push({ name: pkName(op.name), what: 'primary key', columns: keys.map((k) => k.name), auto: !composite && pkName(op.name) === `${op.name}_pkey` });
  for (const f of fields) if (f.unique && !(f.primaryKey && !composite)) inlineKeys.push({ name: uniqueName(op.name, f.name), what: 'unique constraint', columns: [f.name], auto: false });
  const created = named([{ do: 'createTable', name: op.name, ifNotExists: sqlOptions.ifNotExists === true, keys: inlineKeys } as const]);
  // Named enum types first (made unless they exist with these values), in the adapter's schema.
  const steps: Step[] = enumTypesOf(fields).map((use) => ensureEnumType(settings.schema, use));
  const extensions = [...new Set(fields.flatMap(extensionsOf))];
  steps.push(sql(`CREATE ${kind} ${sqlOptions.ifNotExists ? 'IF NOT EXISTS ' : ''}${table} (\n  ${lines.join(',\n  ')}\n)`, `create table ${table}`, { relations: created, extensions }));
  for (const index of op.indexes ?? [])
    steps.push(sql(createIndexSql(schema, op.name, index, false), `create index ${quoteIdent(index.name)} on ${table}`, { relations: named([indexCreated(op.name, index)]) }));
  for (const c of op.constraints ?? [])
    steps.push(sql(`ALTER TABLE ${table} ADD ${constraintDefinition(schema, c)}`, `add constraint ${quoteIdent(c.name)} on ${table}`, { relations: named(keyCreated(op.name, c)) }));
  return steps;
}
