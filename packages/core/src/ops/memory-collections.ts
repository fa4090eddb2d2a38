import type { ReferencingKey } from '../adapter/adapter.js';
import { DuctapeError } from '../errors/ductape-error.js';
import { ErrorCodes } from '../errors/error-codes.js';
import { uniqueKeyName } from '../helpers/constraint-names.js';
import type { ConstraintDefinition } from '../model/constraint.js';
import type { FieldDefinition } from '../model/field.js';
import type { CollectionSnapshot } from '../model/operation.js';
import type { MemoryCollections } from './operation-module.js';

// What the ops' in-memory applications share (src/ops/<op>.ts, applyInMemory).

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

/**
 * `c` with its foreign keys to `from` pointing at `to`: they follow a renamed table, as they do on a real database.
 * @example renameCollectionIn(orders, 'users', 'members')
 */
export function renameCollectionIn(c: CollectionSnapshot, from: string, to: string): CollectionSnapshot {
  if (!c.constraints?.some((k) => k.type === 'foreignKey' && k.references.table === from)) return c;
  return { ...c, constraints: c.constraints.map((k) => (k.type === 'foreignKey' && k.references.table === from ? { ...k, references: { ...k.references, table: to } } : k)) };
}

/**
 * As SQL databases report it: a one-column unique key named <table>_<column>_key is the field's `unique`.
 * @example fieldOfUniqueKey(users, 'users_email_key') // the email field
 */
export function fieldOfUniqueKey(c: CollectionSnapshot, name: string, adding?: ConstraintDefinition): FieldDefinition | undefined {
  if (adding && !(adding.type === 'unique' && adding.columns.length === 1)) return undefined;
  return c.fields.find((f) => uniqueKeyName(c.name, f.name) === name && (!adding || (adding.type === 'unique' && adding.columns[0] === f.name)));
}

/**
 * The collection called `name`; a typed not-found error when there is none.
 * @example collectionIn(collections, 'users')
 */
export function collectionIn(collections: MemoryCollections, name: string): CollectionSnapshot {
  const c = collections.get(name);
  if (!c) throw doesNotExist(`collection "${name}"`);
  return c;
}

/**
 * The field `name` of `c`; a typed not-found error when there is none.
 * @example fieldIn(users, 'email')
 */
export function fieldIn(c: CollectionSnapshot, name: string): FieldDefinition {
  const f = c.fields.find((x) => x.name === name);
  if (!f) throw doesNotExist(`field "${name}"`, ` in "${c.name}"`);
  return f;
}

/**
 * Stores `c` with `change` applied.
 * @example updateCollection(collections, users, { fields: [...users.fields, age] })
 */
export function updateCollection(collections: MemoryCollections, c: CollectionSnapshot, change: Partial<CollectionSnapshot>): void {
  collections.set(c.name, { ...c, ...change });
}

// The refusals a real server gives, typed: the engine records them as the failed step's error.
const NOTHING_CHANGED = 'this step changed nothing in the in-memory database';

/**
 * The refusal to create what exists.
 * @example throw alreadyExists('index "idx"')
 */
export function alreadyExists(what: string, where = ''): DuctapeError {
  return new DuctapeError(ErrorCodes.alreadyExists, `${what} already exists${where}`, `${NOTHING_CHANGED}; drop it first, pick another name, or (for a collection) create it with ifNotExists`);
}

/**
 * The refusal to change what does not exist.
 * @example throw doesNotExist('index "idx"')
 */
export function doesNotExist(what: string, where = ''): DuctapeError {
  return new DuctapeError(ErrorCodes.notFound, `${what} does not exist${where}`, `${NOTHING_CHANGED}; check the name (introspect() shows what exists) or create it in an earlier step`);
}

/**
 * The refusal to drop a collection another one's foreign key references.
 * @example throw referenced('users', { collection: 'orders', name: 'orders_user_id_fkey' })
 */
export function referenced(name: string, key: ReferencingKey | undefined, op: 'dropCollection' | 'dropField' = 'dropCollection'): DuctapeError {
  return new DuctapeError(
    ErrorCodes.validation,
    `cannot drop "${name}": foreign key ${key?.name} of "${key?.collection}" references it`,
    `${NOTHING_CHANGED}; drop that foreign key first, or pass { cascade: true } to ${op}`,
  );
}
