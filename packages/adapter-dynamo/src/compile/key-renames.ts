import { type Step, ValidationError } from '@ductape/core';
import { SCAN_AND_UPDATE, type ScanUpdateArgs } from './step.js';

/** One use of an attribute as a key: of the table itself, or of a secondary index. */
export interface KeyUse {
  readonly attribute: string;
  readonly keyType: 'HASH' | 'RANGE';
  readonly index?: { readonly kind: 'GSI' | 'LSI'; readonly name: string };
}

/** What CreateTable's input and DescribeTable's `Table` both hold (loosely typed: raw input too). */
export interface TableKeysShape {
  readonly KeySchema?: unknown;
  readonly GlobalSecondaryIndexes?: unknown;
  readonly LocalSecondaryIndexes?: unknown;
}

/**
 * Every key attribute of a table: its own keys, its GSIs' and its LSIs' (a GSI being deleted aside).
 * @example keyUsesOf({ KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }) // [{ attribute: 'id', keyType: 'HASH' }]
 */
export function keyUsesOf(table: TableKeysShape): KeyUse[] {
  const indexes = (list: unknown, kind: 'GSI' | 'LSI') =>
    listOf(list)
      .filter((i) => (i as { IndexStatus?: unknown }).IndexStatus !== 'DELETING')
      .flatMap((i) => usesOf(i.KeySchema, { kind, name: String(i.IndexName) }));
  return [...usesOf(table.KeySchema, undefined), ...indexes(table.GlobalSecondaryIndexes, 'GSI'), ...indexes(table.LocalSecondaryIndexes, 'LSI')];
}

/**
 * Refuses, before any IO, a rename or drop step whose attribute is a key at that point of the
 * steps: of a GSI (DynamoDB indexes follow attribute names, so the index would stay on a field
 * that no longer exists), of an LSI, or of the table (DynamoDB cannot change or remove an item's
 * key). Walks the steps in order from `live` (the tables as they are now; none at compile time),
 * following the tables and GSIs the earlier steps create and delete, so a GSI deleted before the
 * rename or drop is no longer in the way.
 * @example refuseKeyChanges(steps, (table) => keyUsesOf(describe[table] ?? {}))
 */
export function refuseKeyChanges(steps: readonly Step[], live: (table: string) => readonly KeyUse[]): void {
  const known = new Map<string, readonly KeyUse[]>();
  const usesIn = (table: string) => known.get(table) ?? live(table);
  for (const step of steps) {
    if (step.kind !== 'command') continue;
    if (step.name === SCAN_AND_UPDATE) {
      const args = step.args as unknown as ScanUpdateArgs;
      if (args.rename) refuse(args.rename, usesIn(args.TableName));
      if (args.drop) refuseDrop(args.drop, usesIn(args.TableName));
      continue;
    }
    const input = ((step.args as { input?: unknown }).input ?? {}) as TableKeysShape & { TableName?: unknown; GlobalSecondaryIndexUpdates?: unknown };
    if (typeof input.TableName !== 'string') continue;
    const table = input.TableName;
    if (step.name === 'CreateTable') known.set(table, keyUsesOf(input));
    else if (step.name === 'DeleteTable') known.set(table, []);
    else if (step.name === 'UpdateTable') known.set(table, afterGsiUpdates(usesIn(table), input.GlobalSecondaryIndexUpdates));
  }
}

function afterGsiUpdates(uses: readonly KeyUse[], updates: unknown): readonly KeyUse[] {
  let next = uses;
  for (const u of listOf(updates)) {
    const del = u.Delete as { IndexName?: unknown } | undefined;
    const create = u.Create as { IndexName?: unknown; KeySchema?: unknown } | undefined;
    if (del) next = next.filter((k) => !(k.index?.kind === 'GSI' && k.index.name === del.IndexName));
    if (create) next = [...next, ...usesOf(create.KeySchema, { kind: 'GSI', name: String(create.IndexName) })];
  }
  return next;
}

function refuse(rename: NonNullable<ScanUpdateArgs['rename']>, uses: readonly KeyUse[]): void {
  const use = uses.find((u) => u.attribute === rename.from);
  if (!use) return;
  const { collection: c, from, to } = rename;
  const role = use.keyType === 'HASH' ? 'partition key' : 'sort key';
  const subject = `renameField "${c}.${from}" → "${to}"`;
  if (!use.index) {
    throw issue(
      subject,
      'renames_table_key',
      `"${from}" is the ${role} of table "${c}": DynamoDB cannot change an item's key attributes; create a new table keyed on "${to}", copy the items, then drop the old one`,
    );
  }
  const { kind, name } = use.index;
  if (kind === 'LSI') {
    throw issue(
      subject,
      'renames_index_key',
      `"${from}" is the ${role} of local secondary index "${name}" of "${c}": the index would stay on "${from}", a field that no longer exists, and DynamoDB defines LSIs only in CreateTable, so it cannot be recreated on "${to}"; create a new table with the index on "${to}" and copy the items`,
    );
  }
  const fields = [...uses.filter((u) => u.index?.kind === 'GSI' && u.index.name === name)]
    .sort((a, b) => (a.keyType === b.keyType ? 0 : a.keyType === 'HASH' ? -1 : 1))
    .map((u) => `{ name: '${u.attribute === from ? to : u.attribute}' }`);
  throw issue(
    subject,
    'renames_index_key',
    `"${from}" is the ${role} of global secondary index "${name}" of "${c}": DynamoDB indexes follow attribute names, so the index would stay on "${from}", a field that no longer exists. Drop the index first and recreate it on the new name in the same migration: .dropIndex('${c}', '${name}').renameField('${c}', '${from}', '${to}').createIndex('${c}', '${name}', [${fields.join(', ')}])`,
  );
}

function refuseDrop(drop: NonNullable<ScanUpdateArgs['drop']>, uses: readonly KeyUse[]): void {
  const use = uses.find((u) => u.attribute === drop.field);
  if (!use) return;
  const { collection: c, field } = drop;
  const role = use.keyType === 'HASH' ? 'partition key' : 'sort key';
  const subject = `dropField "${c}.${field}"`;
  if (!use.index) {
    throw issue(
      subject,
      'drops_table_key',
      `"${field}" is the ${role} of table "${c}": DynamoDB cannot remove an item's key attributes (it refuses the UpdateItem); create a new table keyed on other attributes, copy the items, then drop the old one`,
      'field',
    );
  }
  const { kind, name } = use.index;
  if (kind === 'LSI') {
    throw issue(
      subject,
      'drops_index_key',
      `"${field}" is the ${role} of local secondary index "${name}" of "${c}": the index would stay on "${field}", a field that no longer exists, and DynamoDB defines LSIs only in CreateTable, so it cannot be dropped first; create a new table without the index, copy the items, then drop the old one`,
      'field',
    );
  }
  throw issue(
    subject,
    'drops_index_key',
    `"${field}" is the ${role} of global secondary index "${name}" of "${c}": the index would stay on "${field}", a field that no longer exists. Drop the index first in the same migration: .dropIndex('${c}', '${name}').dropField('${c}', '${field}')`,
    'field',
  );
}

function issue(subject: string, code: string, message: string, path = 'from'): ValidationError {
  return new ValidationError(subject, [{ code, path, message }]);
}

function usesOf(schema: unknown, index: KeyUse['index']): KeyUse[] {
  return listOf(schema).flatMap((k) =>
    typeof k.AttributeName === 'string' && (k.KeyType === 'HASH' || k.KeyType === 'RANGE') ? [{ attribute: k.AttributeName, keyType: k.KeyType, ...(index ? { index } : {}) }] : [],
  );
}

function listOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
}
