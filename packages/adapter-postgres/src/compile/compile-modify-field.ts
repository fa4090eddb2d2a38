import { UnsupportedOperationError, applyChanges, createdEarlier, isNotNull, type CompileContext, type FieldDefinition, type FieldOptions, type ModifyFieldOp, type Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { enumCheck, extensionsOf } from './column-definition.js';
import { columnType } from './column-type.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { defaultSql } from './default-value.js';
import { enumName, notNullName, pkName, uniqueName } from './derived-names.js';
import { addEnumValues, dropEnumTypeIfUnused, enumTypeOf, ensureEnumType, rebuildEnumType } from './enum-type.js';
import { createIndexSql } from './index-definition.js';
import { parseNativeType } from './native-type.js';
import type { RelationChange } from './relation-changes.js';
import { concurrentIndex, sql } from './step.js';

const TYPE_KEYS = ['type', 'length', 'precision', 'scale', 'itemType', 'native', 'enumValues', 'enumType'] as const;

/**
 * ALTER COLUMN steps for each change: type (USING a cast), default, NOT NULL, unique, primary
 * key, identity, enum values. A named enum type (`enumType`) gains values with ALTER TYPE … ADD
 * VALUE, each committed on its own so later steps can use it (addEnumValues), and is rebuilt when a
 * value is removed or moved (rebuildEnumType); a column moving to a named type gets it first
 * (ensureEnumType) and converts through text, and the type it leaves is dropped when unused. A
 * generated column's expression can be dropped (DROP EXPRESSION); PostgreSQL 15 cannot add or
 * change one on an existing column (refused). `previous` (introspected by the engine at apply time) gives the full
 * old definition, and the new type is `previous` with the changes applied (a `length` change of a
 * varchar keeps everything else); only without it is the old type inferred from the change. A
 * type change to or from a native type whose text carries a DEFAULT/GENERATED clause is refused
 * (ALTER COLUMN … TYPE cannot set those): use a raw operation. Online on an existing table, NOT NULL goes
 * through a NOT VALID check validated on its own, so SET NOT NULL needs no scan under lock.
 * @example compileModifyField({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500 }, previous: { name: 'email', type: 'string', length: 255 } }, ctx, DEFAULT_SETTINGS)
 * // [{ text: 'ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE varchar(500) USING "email"::varchar(500)', … }]
 */
export function compileModifyField(op: ModifyFieldOp, ctx: CompileContext, settings: PostgresCompileSettings): Step[] {
  const table = qualify(settings.schema, op.collection);
  const column = quoteIdent(op.field, 'field');
  const changes = op.changes;
  const prev: FieldDefinition = op.previous ?? { name: op.field, type: inferType(changes) };
  const next = applyChanges(prev, changes);
  const online = settings.online && !createdEarlier(ctx, op, op.collection);
  const alter = (what: string, summary: string, extra: { outsideTransaction?: boolean; relations?: readonly RelationChange[]; extensions?: readonly string[] } = {}): Step =>
    sql(`ALTER TABLE ${table} ${what}`, `${summary} (${table}.${column})`, { lockRetry: true, ...extra });
  const key = (name: string, what: 'unique constraint' | 'primary key'): RelationChange[] => [{ do: 'create', name, table: op.collection, what, columns: [op.field], constraint: true }];
  const dropKey = (name: string): RelationChange[] => [{ do: 'dropConstraint', table: op.collection, name }];
  const has = (key: keyof FieldOptions): boolean => key in changes;
  const steps: Step[] = [];

  const schema = settings.schema;
  const typeChanged = TYPE_KEYS.some((k) => k !== 'enumValues' && has(k)) && columnType(prev, schema) !== columnType(next, schema);
  const prevType = enumTypeOf(prev);
  const nextType = enumTypeOf(next);
  const enumChanged = (prev.type === 'enum' || next.type === 'enum') && (has('type') || has('enumValues') || has('enumType'));
  const defaultChanged = has('default');
  refuseGeneratedChange(op, prev, next);
  if (has('generatedAs') && prev.generatedAs !== undefined && next.generatedAs === undefined) steps.push(alter(`ALTER COLUMN ${column} DROP EXPRESSION`, 'drop generation expression'));
  if (enumChanged && (op.previous === undefined || (prev.type === 'enum' && prevType === undefined))) {
    steps.push(alter(`DROP CONSTRAINT IF EXISTS ${quoteIdent(enumName(op.collection, op.field))}`, 'drop enum check'));
  }
  if (typeChanged) {
    for (const side of [prev, next]) {
      const clause = side.type === 'native' ? parseNativeType(side.native).clause : undefined;
      if (clause !== undefined) {
        throw new UnsupportedOperationError(
          'postgres',
          `modifyField of ${op.collection}.${op.field} to type ${columnType(next)}`,
          `ALTER COLUMN … TYPE cannot change a column defined with "${clause}"; nothing was changed. Use a raw postgresql operation`,
        );
      }
    }
    if (nextType) steps.push(ensureEnumType(schema, nextType));
    if (prev.default !== undefined && !defaultChanged) steps.push(alter(`ALTER COLUMN ${column} DROP DEFAULT`, 'drop default before type change'));
    const type = columnType(next, schema);
    // An enum type converts to and from other types through text (there is no direct cast between two enum types).
    const using = prevType || nextType ? `${column}::text::${type}` : `${column}::${type}`;
    steps.push(alter(`ALTER COLUMN ${column} TYPE ${type} USING ${using}`, `set type ${type}`, { extensions: extensionsOf(next) }));
    if (next.default !== undefined && !defaultChanged) steps.push(alter(`ALTER COLUMN ${column} SET DEFAULT ${defaultSql({ ...next, default: next.default })}`, 'restore default'));
    if (prevType && prevType.name !== nextType?.name) steps.push(dropEnumTypeIfUnused(schema, prevType.name));
  } else if (prevType && nextType && prevType.name === nextType.name && has('enumValues') && prevType.values.join('\u0000') !== nextType.values.join('\u0000')) {
    const added = addEnumValues(schema, nextType.name, prevType.values, nextType.values);
    // The rebuild keeps every column's default; one this change replaces may hold a value it removes.
    if (!added && defaultChanged && prev.default !== undefined) steps.push(alter(`ALTER COLUMN ${column} DROP DEFAULT`, 'drop default before the enum type rebuild'));
    steps.push(...(added ?? [rebuildEnumType(schema, nextType.name, nextType.values)]));
  }
  if (enumChanged && next.type === 'enum' && nextType === undefined) {
    const name = quoteIdent(enumName(op.collection, op.field));
    steps.push(...checked(alter, name, enumCheck(next), online, 'enum check'));
  }
  if (defaultChanged) {
    steps.push(
      next.default === undefined
        ? alter(`ALTER COLUMN ${column} DROP DEFAULT`, 'drop default')
        : alter(`ALTER COLUMN ${column} SET DEFAULT ${defaultSql({ ...next, default: next.default })}`, 'set default'),
    );
  }
  if (has('autoIncrement') && Boolean(prev.autoIncrement) !== Boolean(next.autoIncrement)) {
    steps.push(next.autoIncrement ? alter(`ALTER COLUMN ${column} ADD GENERATED BY DEFAULT AS IDENTITY`, 'add identity') : alter(`ALTER COLUMN ${column} DROP IDENTITY IF EXISTS`, 'drop identity'));
  }
  const notNullBefore = op.previous ? isNotNull(prev) : !isNotNull(next);
  if ((has('required') || has('nullable')) && isNotNull(next) !== notNullBefore) {
    if (!isNotNull(next)) steps.push(alter(`ALTER COLUMN ${column} DROP NOT NULL`, 'drop not null'));
    else if (!online) steps.push(alter(`ALTER COLUMN ${column} SET NOT NULL`, 'set not null'));
    else {
      const check = quoteIdent(notNullName(op.collection, op.field));
      steps.push(
        ...checked(alter, check, `${column} IS NOT NULL`, true, 'not-null check'),
        alter(`ALTER COLUMN ${column} SET NOT NULL`, 'set not null (proven by the validated check)'),
        alter(`DROP CONSTRAINT ${check}`, 'drop not-null check'),
      );
    }
  }
  if (has('unique') && Boolean(prev.unique) !== Boolean(next.unique)) {
    const name = uniqueName(op.collection, op.field);
    if (!next.unique) steps.push(alter(`DROP CONSTRAINT ${quoteIdent(name)}`, 'drop unique', { relations: dropKey(name) }));
    else if (!online) steps.push(alter(`ADD CONSTRAINT ${quoteIdent(name)} UNIQUE (${column})`, 'add unique', { relations: key(name, 'unique constraint') }));
    else {
      const uniqueIndex = { name, unique: true, fields: [{ name: op.field }] };
      steps.push(
        concurrentIndex(
          settings.schema,
          name,
          createIndexSql(settings.schema, op.collection, uniqueIndex, true),
          createIndexSql(settings.schema, op.collection, uniqueIndex, false),
          `build unique index ${quoteIdent(name)} concurrently`,
          key(name, 'unique constraint'),
        ),
        alter(`ADD CONSTRAINT ${quoteIdent(name)} UNIQUE USING INDEX ${quoteIdent(name)}`, 'add unique'),
      );
    }
  }
  if (has('primaryKey') && Boolean(prev.primaryKey) !== Boolean(next.primaryKey)) {
    const pk = pkName(op.collection);
    const name = quoteIdent(pk);
    steps.push(
      next.primaryKey
        ? alter(`ADD CONSTRAINT ${name} PRIMARY KEY (${column})`, 'add primary key', { relations: key(pk, 'primary key') })
        : alter(`DROP CONSTRAINT ${name}`, 'drop primary key', { relations: dropKey(pk) }),
    );
  }
  return steps;
}

type Alter = (what: string, summary: string, extra?: { outsideTransaction?: boolean }) => Step;

/** ADD CONSTRAINT … CHECK, as NOT VALID + VALIDATE (outside the transaction) when online. */
function checked(alter: Alter, name: string, expression: string, online: boolean, what: string): Step[] {
  if (!online) return [alter(`ADD CONSTRAINT ${name} CHECK (${expression})`, `add ${what}`)];
  return [alter(`ADD CONSTRAINT ${name} CHECK (${expression}) NOT VALID`, `add ${what} (not valid)`), alter(`VALIDATE CONSTRAINT ${name}`, `validate ${what}`, { outsideTransaction: true })];
}

/** A generated column's expression added or changed on an existing column: PostgreSQL 15 has no ALTER for it. */
function refuseGeneratedChange(op: ModifyFieldOp, prev: FieldDefinition, next: FieldDefinition): void {
  if (!('generatedAs' in op.changes) || next.generatedAs === undefined || next.generatedAs === prev.generatedAs) return;
  throw new UnsupportedOperationError(
    'postgres',
    `modifyField of ${op.collection}.${op.field} to generatedAs ${JSON.stringify(next.generatedAs)}`,
    'PostgreSQL 15 cannot make an existing column generated or change its expression (only drop it); nothing was changed. Drop the field and add it with generatedAs',
  );
}

function inferType(changes: ModifyFieldOp['changes']): FieldDefinition['type'] {
  if (changes.type) return changes.type;
  if (changes.enumValues) return 'enum';
  if (changes.itemType) return 'array';
  if (changes.precision !== undefined || changes.scale !== undefined) return 'decimal';
  if (changes.length !== undefined) return 'string';
  return 'text';
}
