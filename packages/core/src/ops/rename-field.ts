import { renameInExpression } from '../helpers/check-expression.js';
import { identifierProblem } from '../helpers/identifiers.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import type { CollectionSnapshot } from '../model/operation.js';
import { alreadyExists, collectionIn, fieldIn } from './memory-collections.js';
import { withPreviousField } from './previous-field.js';
import { type OperationModule, inverse, missingFlag } from './operation-module.js';

/**
 * `renameField`: renames a field in place (capability `renameField`); undone by the rename back.
 * Its indexes, keys and checks follow it, and so do other tables' foreign keys to it.
 * @example renameFieldModule.summary({ type: 'renameField', collection: 'users', from: 'mail', to: 'email' }) // 'renameField users.mail → email'
 */
export const renameFieldModule: OperationModule<'renameField'> = {
  type: 'renameField',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    out.identifier(`${path}.from`, identifierProblem(op.from));
    out.identifier(`${path}.to`, identifierProblem(op.to));
    if (op.from === op.to) out.add('rename_to_same', `${path}.to`, 'renameField needs a new name different from the old one');
  },
  inverse: (op) => inverse(withoutUndefined({ type: 'renameField', collection: op.collection, from: op.to, to: op.from, previous: op.previous ? { ...op.previous, name: op.to } : undefined })),
  effects: (op) => [
    { kind: 'field', collection: op.collection, name: op.to, exists: true },
    { kind: 'field', collection: op.collection, name: op.from, exists: false },
  ],
  unsupported: (op, capabilities) => missingFlag(op.type, 'renameField', capabilities),
  touches: (op) => [op.collection],
  missingPrevious: (op) => (op.previous ? undefined : `renameField ${op.collection}.${op.from} does not carry the field's current definition (previous)`),
  resolve: (op, live) => withPreviousField(op, op.from, live),
  applyToCopy(op, copy) {
    copy.update(op.collection, (c) => withFieldRenamed(c, op.from, op.to));
    copy.moveField(op);
  },
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.collection);
    fieldIn(c, op.from);
    if (c.fields.some((f) => f.name === op.to)) throw alreadyExists(`field "${op.to}"`, ` in "${op.collection}"`);
    // As databases do: the column's indexes and keys follow it, and so do other tables' foreign keys to it.
    const rename = (name: string) => (name === op.from ? op.to : name);
    collections.set(c.name, withFieldRenamed(c, op.from, op.to));
    for (const [name, other] of collections) {
      const constraints = other.constraints?.map((k) =>
        k.type === 'foreignKey' && k.references.table === op.collection ? { ...k, references: { ...k.references, columns: k.references.columns.map(rename) } } : k,
      );
      if (constraints) collections.set(name, { ...other, constraints });
    }
  },
  summary: (op) => `${op.type} ${op.collection}.${op.from} → ${op.to}`,
  replayFields(op, model) {
    const fields = model.fields(op.collection);
    const f = fields.get(op.from);
    fields.delete(op.from);
    if (f) fields.set(op.to, { ...f, name: op.to });
  },
};

/**
 * `c` with its field `from` renamed `to`: its indexes and key constraints follow the column, and
 * a check's mention of it is rewritten, as databases do.
 * @example withFieldRenamed(users, 'mail', 'email')
 */
export function withFieldRenamed(c: CollectionSnapshot, from: string, to: string): CollectionSnapshot {
  const rename = (name: string) => (name === from ? to : name);
  return {
    ...c,
    fields: c.fields.map((f) => (f.name === from ? { ...f, name: to } : f)),
    ...(c.indexes ? { indexes: c.indexes.map((i) => ({ ...i, fields: i.fields.map((f) => ({ ...f, name: rename(f.name) })) })) } : {}),
    ...(c.constraints
      ? { constraints: c.constraints.map((k) => (k.type === 'check' ? { ...k, expression: renameInExpression(k.expression, from, to) } : { ...k, columns: k.columns.map(rename) })) }
      : {}),
  };
}
