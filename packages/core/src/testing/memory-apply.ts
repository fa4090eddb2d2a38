import type { ReferencingKey } from '../adapter/adapter.js';
import { DuctapeError } from '../errors/ductape-error.js';
import { ErrorCodes } from '../errors/error-codes.js';
import type { ConstraintDefinition } from '../model/constraint.js';
import type { FieldDefinition } from '../model/field.js';
import type { IndexDefinition } from '../model/index-definition.js';
import type { CollectionSnapshot, Operation } from '../model/operation.js';
import { assertNever } from '../model/operation.js';
import { applyChanges } from '../ops/inverse.js';
import { renameInExpression } from '../helpers/check-expression.js';
import { uniqueKeyName } from '../helpers/constraint-names.js';

type Collections = Map<string, CollectionSnapshot>;

/**
 * Applies one operation to in-memory collections with a real server's strictness: creating
 * what exists or dropping what does not fails, as it would on PostgreSQL.
 */
export function applyOperation(collections: Collections, op: Operation, values: Map<string, unknown>): void {
  switch (op.type) {
    case 'createCollection':
      if (collections.has(op.name)) {
        if (op.options?.sqlOptions?.ifNotExists) return;
        throw alreadyExists(`collection "${op.name}"`);
      }
      collections.set(op.name, { name: op.name, fields: op.fields, indexes: op.indexes ?? [], constraints: op.constraints ?? [], ...(op.options ? { options: op.options } : {}) });
      return;
    case 'dropCollection': {
      get(collections, op.name);
      // As SQL databases do: a drop the foreign keys of other tables block, unless it cascades to them.
      const keys = referencingKeysIn(collections, op.name);
      if (keys.length > 0 && !op.cascade) throw referenced(op.name, keys[0]);
      for (const k of keys) {
        const c = get(collections, k.collection);
        update(collections, c, { constraints: (c.constraints ?? []).filter((x) => x.name !== k.name) });
      }
      collections.delete(op.name);
      return;
    }
    case 'renameCollection': {
      const c = get(collections, op.from);
      if (collections.has(op.to)) throw alreadyExists(`collection "${op.to}"`);
      collections.delete(op.from);
      collections.set(op.to, renameCollectionIn({ ...c, name: op.to }, op.from, op.to));
      for (const [name, other] of collections) if (name !== op.to) collections.set(name, renameCollectionIn(other, op.from, op.to));
      return;
    }
    case 'addField': {
      const c = get(collections, op.collection);
      if (c.fields.some((f) => f.name === op.field.name)) throw alreadyExists(`field "${op.field.name}"`, ` in "${op.collection}"`);
      return update(collections, c, { fields: [...c.fields, op.field] });
    }
    case 'dropField': {
      const c = get(collections, op.collection);
      field(c, op.field);
      return update(collections, c, { fields: c.fields.filter((f) => f.name !== op.field) });
    }
    case 'renameField': {
      const c = get(collections, op.collection);
      field(c, op.from);
      if (c.fields.some((f) => f.name === op.to)) throw alreadyExists(`field "${op.to}"`, ` in "${op.collection}"`);
      // As databases do: the column's indexes and keys follow it, and so do other tables' foreign keys to it.
      const rename = (name: string) => (name === op.from ? op.to : name);
      update(collections, c, {
        fields: c.fields.map((f) => (f.name === op.from ? { ...f, name: op.to } : f)),
        ...(c.indexes ? { indexes: c.indexes.map((i) => ({ ...i, fields: i.fields.map((f) => ({ ...f, name: rename(f.name) })) })) } : {}),
        ...(c.constraints
          ? { constraints: c.constraints.map((k) => (k.type === 'check' ? { ...k, expression: renameInExpression(k.expression, op.from, op.to) } : { ...k, columns: k.columns.map(rename) })) }
          : {}),
      });
      for (const [name, other] of collections) {
        const constraints = other.constraints?.map((k) =>
          k.type === 'foreignKey' && k.references.table === op.collection ? { ...k, references: { ...k.references, columns: k.references.columns.map(rename) } } : k,
        );
        if (constraints) collections.set(name, { ...other, constraints });
      }
      return;
    }
    case 'modifyField': {
      const c = get(collections, op.collection);
      const old = field(c, op.field);
      return update(collections, c, { fields: c.fields.map((f) => (f === old ? applyChanges(old, op.changes) : f)) });
    }
    case 'createIndex': {
      const { type: _t, collection, ...index } = op;
      const c = get(collections, collection);
      if ((c.indexes ?? []).some((i) => i.name === op.name)) throw alreadyExists(`index "${op.name}"`);
      for (const f of op.fields) field(c, f.name);
      return update(collections, c, { indexes: [...(c.indexes ?? []), index as IndexDefinition] });
    }
    case 'dropIndex': {
      const c = get(collections, op.collection);
      if (!(c.indexes ?? []).some((i) => i.name === op.name)) throw doesNotExist(`index "${op.name}"`);
      return update(collections, c, { indexes: (c.indexes ?? []).filter((i) => i.name !== op.name) });
    }
    case 'addConstraint': {
      const c = get(collections, op.collection);
      const keyed = fieldOfUniqueKey(c, op.constraint.name, op.constraint);
      if (keyed) return update(collections, c, { fields: c.fields.map((f) => (f === keyed ? { ...f, unique: true } : f)) });
      if ((c.constraints ?? []).some((k) => k.name === op.constraint.name)) throw alreadyExists(`constraint "${op.constraint.name}"`);
      if (op.constraint.type === 'foreignKey') get(collections, op.constraint.references.table);
      return update(collections, c, { constraints: [...(c.constraints ?? []), op.constraint as ConstraintDefinition] });
    }
    case 'dropConstraint': {
      const c = get(collections, op.collection);
      const keyed = fieldOfUniqueKey(c, op.name);
      if (keyed?.unique && !(c.constraints ?? []).some((k) => k.name === op.name)) {
        return update(collections, c, { fields: c.fields.map((f) => (f === keyed ? withoutUnique(f) : f)) });
      }
      if (!(c.constraints ?? []).some((k) => k.name === op.name)) throw doesNotExist(`constraint "${op.name}"`);
      return update(collections, c, { constraints: (c.constraints ?? []).filter((k) => k.name !== op.name) });
    }
    case 'raw': {
      const cmd = op.command ?? {};
      // Stands in for a database driver's own error (never a DuctapeError), as a real adapter's step would throw.
      if (typeof cmd.fail === 'string') throw new Error(cmd.fail);
      if (typeof cmd.set === 'string') values.set(cmd.set, cmd.value);
      if (typeof cmd.delete === 'string') values.delete(cmd.delete);
      return;
    }
    default:
      return assertNever(op);
  }
}

/** Foreign keys follow a renamed table, as they do on a real database. */
/**
 * The foreign keys of other collections that reference `name`.
 * @example referencingKeysIn(collections, 'users') // [{ collection: 'orders', name: 'orders_user_id_fkey' }]
 */
export function referencingKeysIn(collections: ReadonlyMap<string, CollectionSnapshot>, name: string): ReferencingKey[] {
  const keys: ReferencingKey[] = [];
  for (const [other, c] of collections) {
    if (other === name) continue;
    for (const k of c.constraints ?? []) if (k.type === 'foreignKey' && k.references.table === name) keys.push({ collection: other, name: k.name });
  }
  return keys;
}

function renameCollectionIn(c: CollectionSnapshot, from: string, to: string): CollectionSnapshot {
  if (!c.constraints?.some((k) => k.type === 'foreignKey' && k.references.table === from)) return c;
  return { ...c, constraints: c.constraints.map((k) => (k.type === 'foreignKey' && k.references.table === from ? { ...k, references: { ...k.references, table: to } } : k)) };
}

/** As SQL databases report it: a one-column unique key named <table>_<column>_key is the field's `unique`. */
function fieldOfUniqueKey(c: CollectionSnapshot, name: string, adding?: ConstraintDefinition): FieldDefinition | undefined {
  if (adding && !(adding.type === 'unique' && adding.columns.length === 1)) return undefined;
  return c.fields.find((f) => uniqueKeyName(c.name, f.name) === name && (!adding || (adding.type === 'unique' && adding.columns[0] === f.name)));
}

function withoutUnique(f: FieldDefinition): FieldDefinition {
  const { unique: _u, ...rest } = f;
  return rest;
}

function get(collections: Collections, name: string): CollectionSnapshot {
  const c = collections.get(name);
  if (!c) throw doesNotExist(`collection "${name}"`);
  return c;
}

function field(c: CollectionSnapshot, name: string): FieldDefinition {
  const f = c.fields.find((x) => x.name === name);
  if (!f) throw doesNotExist(`field "${name}"`, ` in "${c.name}"`);
  return f;
}

// The refusals a real server gives, typed: the engine records them as the failed step's error.
const NOTHING_CHANGED = 'this step changed nothing in the in-memory database';

function alreadyExists(what: string, where = ''): DuctapeError {
  return new DuctapeError(ErrorCodes.alreadyExists, `${what} already exists${where}`, `${NOTHING_CHANGED}; drop it first, pick another name, or (for a collection) create it with ifNotExists`);
}

function doesNotExist(what: string, where = ''): DuctapeError {
  return new DuctapeError(ErrorCodes.notFound, `${what} does not exist${where}`, `${NOTHING_CHANGED}; check the name (introspect() shows what exists) or create it in an earlier step`);
}

function referenced(name: string, key: ReferencingKey | undefined): DuctapeError {
  return new DuctapeError(
    ErrorCodes.validation,
    `cannot drop "${name}": foreign key ${key?.name} of "${key?.collection}" references it`,
    `${NOTHING_CHANGED}; drop that foreign key first, or pass { cascade: true } to dropCollection`,
  );
}

function update(collections: Collections, c: CollectionSnapshot, change: Partial<CollectionSnapshot>): void {
  collections.set(c.name, { ...c, ...change });
}
