import { InvalidArgumentError } from '../errors/errors.js';
import type { FieldChanges, FieldDefinition } from '../model/field.js';
import type { Operation } from '../model/operation.js';
import { assertNever } from '../model/operation.js';

/**
 * The inverse of an operation, or the reason there is none. `op` is null when the operation did
 * nothing, so there is nothing to undo (a create with ifNotExists that found the collection).
 */
export type Inverse = { readonly ok: true; readonly op: Operation | null } | { readonly ok: false; readonly reason: string };

/**
 * The operation that undoes `op`. Drops need `previous` (the old definition, which the sdk
 * introspects) to be undone.
 * @example inverseOf({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string' } })
 * // { ok: true, op: { type: 'dropField', collection: 'users', field: 'phone' } }
 */
export function inverseOf(op: Operation): Inverse {
  if (typeof op !== 'object' || op === null) throw new InvalidArgumentError('the operation', 'an operation object', op);
  switch (op.type) {
    case 'createCollection':
      if (op.existed) return { ok: true, op: null };
      return ok({ type: 'dropCollection', name: op.name });
    case 'dropCollection':
      if (!op.previous) return no(`dropCollection "${op.name}" has no previous definition`);
      return ok(
        withoutUndefined({
          type: 'createCollection',
          name: op.name,
          fields: op.previous.fields,
          options: op.previous.options,
          indexes: op.previous.indexes,
          constraints: op.previous.constraints,
        }),
      );
    case 'renameCollection':
      return ok(withoutUndefined({ type: 'renameCollection', from: op.to, to: op.from, previous: op.previous ? { ...op.previous, name: op.to } : undefined }));
    case 'addField':
      return ok({ type: 'dropField', collection: op.collection, field: op.field.name });
    case 'dropField':
      if (!op.previous) return no(`dropField "${op.collection}.${op.field}" has no previous definition`);
      return ok({ type: 'addField', collection: op.collection, field: op.previous });
    case 'renameField':
      return ok(withoutUndefined({ type: 'renameField', collection: op.collection, from: op.to, to: op.from, previous: op.previous ? { ...op.previous, name: op.to } : undefined }));
    case 'modifyField': {
      if (!op.previous) return no(`modifyField "${op.collection}.${op.field}" has no previous definition`);
      return ok({
        type: 'modifyField',
        collection: op.collection,
        field: op.field,
        changes: revertChanges(op.changes, op.previous),
        previous: applyChanges(op.previous, op.changes),
      });
    }
    case 'createIndex': {
      const { type: _type, collection, ...index } = op;
      return ok({ type: 'dropIndex', collection, name: op.name, previous: index });
    }
    case 'dropIndex':
      if (!op.previous) return no(`dropIndex "${op.name}" has no previous definition`);
      return ok({ type: 'createIndex', collection: op.collection, ...op.previous });
    case 'addConstraint':
      return ok({ type: 'dropConstraint', collection: op.collection, name: op.constraint.name, previous: op.constraint });
    case 'dropConstraint':
      if (!op.previous) return no(`dropConstraint "${op.name}" has no previous definition`);
      return ok({ type: 'addConstraint', collection: op.collection, constraint: op.previous });
    case 'raw':
      if (!op.down) return no(`raw ${op.dialect} operation has no down`);
      return ok(withoutUndefined({ type: 'raw', dialect: op.dialect, sql: op.down.sql, command: op.down.command, down: rawUp(op) }));
    default:
      return assertNever(op);
  }
}

/**
 * A field definition with `changes` applied; `null` removes an option.
 * @example applyChanges({ name: 'email', type: 'string', length: 255 }, { length: 500 }).length // 500
 */
export function applyChanges(field: FieldDefinition, changes: FieldChanges): FieldDefinition {
  if (typeof field !== 'object' || field === null) throw new InvalidArgumentError('the field', 'a field definition', field);
  if (typeof changes !== 'object' || changes === null) throw new InvalidArgumentError('the changes', 'an object of field options', changes);
  const next: Record<string, unknown> = { ...field };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  if (next.type !== 'native') delete next.native; // native text belongs to type 'native' only
  return next as unknown as FieldDefinition;
}

function revertChanges(changes: FieldChanges, previous: FieldDefinition): FieldChanges {
  const back: Record<string, unknown> = {};
  const prev = previous as unknown as Record<string, unknown>;
  for (const key of Object.keys(changes)) back[key] = prev[key] ?? null;
  // Leaving a native type drops its text (applyChanges), so going back must bring it.
  if ('type' in changes && prev.native !== undefined && !('native' in changes)) back.native = prev.native;
  return back as FieldChanges;
}

function rawUp(op: Extract<Operation, { type: 'raw' }>): { sql?: string; command?: { readonly [key: string]: unknown } } {
  return withoutUndefined({ sql: op.sql, command: op.command });
}

function ok(op: Operation): Inverse {
  return { ok: true, op };
}

function no(reason: string): Inverse {
  return { ok: false, reason };
}

/** Drops keys whose value is undefined, so ops stay canonical JSON. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
