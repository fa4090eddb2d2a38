import { identifierProblem } from '../helpers/identifiers.js';
import { type IssueList, isRecord } from '../helpers/issue-list.js';
import { validateField } from '../helpers/validate-field.js';
import { COLLECTION_OPTION_KEYS } from '../model/collection-options.js';
import { alreadyExists } from './memory-collections.js';
import { NOTHING_TO_UNDO, type OperationModule, dialectRefusal, inverse, missingFlag, nothing, staticRefusal, unsignedRefusal, vectorRefusal } from './operation-module.js';

/**
 * `createCollection`: a table/collection with its fields (and, as the inverse of a drop, its
 * indexes and constraints). Undone by a dropCollection, or by nothing when `sqlOptions.ifNotExists`
 * found it there (`existed`, set by the engine).
 * @example createCollectionModule.inverse({ type: 'createCollection', name: 'users', fields }) // { ok: true, op: { type: 'dropCollection', name: 'users' } }
 */
export const createCollectionModule: OperationModule<'createCollection'> = {
  type: 'createCollection',
  validate(op, path, out) {
    out.identifier(`${path}.name`, identifierProblem(op.name));
    validateCreate(op, path, out);
  },
  inverse: (op) => (op.existed ? NOTHING_TO_UNDO : inverse({ type: 'dropCollection', name: op.name })),
  effects: (op) => [{ kind: 'collection', collection: op.name, exists: true }],
  unsupported: (op, capabilities) =>
    unsignedRefusal(op.type, op.fields, capabilities) ??
    staticRefusal(op.type, op.fields, capabilities) ??
    vectorRefusal(op.type, op.indexes, capabilities) ??
    missingFlag(op.type, op.indexes?.some((i) => i.collation !== undefined) ? 'indexCollation' : undefined, capabilities) ??
    dialectRefusal(op.type, op.fields, capabilities),
  touches: (op) => [op.name],
  missingPrevious: nothing.missingPrevious,
  resolve: (op, live) => (live.collection(op.name) ? { ...op, existed: true } : op),
  applyToCopy(op, copy) {
    if (op.existed) return;
    copy.replace(op.name, { name: op.name, fields: op.fields, indexes: op.indexes ?? [], constraints: op.constraints ?? [], ...(op.options ? { options: op.options } : {}) });
  },
  applyInMemory(collections, op) {
    if (collections.has(op.name)) {
      if (op.options?.sqlOptions?.ifNotExists) return;
      throw alreadyExists(`collection "${op.name}"`);
    }
    collections.set(op.name, { name: op.name, fields: op.fields, indexes: op.indexes ?? [], constraints: op.constraints ?? [], ...(op.options ? { options: op.options } : {}) });
  },
  summary: (op) => `${op.type} ${op.name}`,
  replayFields: (op, model) => model.create(op.name, op.fields),
};

function validateCreate(op: Record<string, unknown>, path: string, out: IssueList): void {
  const fields = op.fields;
  if (!Array.isArray(fields) || fields.length === 0) {
    out.add('no_fields', `${path}.fields`, 'a collection needs at least one field');
  } else {
    const seen = new Set<string>();
    fields.forEach((field, i) => {
      validateField(field, `${path}.fields[${i}]`, out);
      const name = isRecord(field) ? field.name : undefined;
      if (typeof name === 'string') {
        if (seen.has(name)) out.add('duplicate_field', `${path}.fields[${i}].name`, `field "${name}" is defined twice`);
        seen.add(name);
      }
    });
  }
  if (op.options !== undefined) {
    if (!isRecord(op.options)) out.add('invalid_options', `${path}.options`, 'options must be an object');
    else
      for (const key of Object.keys(op.options)) {
        if (!COLLECTION_OPTION_KEYS.includes(key)) out.add('unknown_option', `${path}.options.${key}`, `unknown collection option "${key}"; use ${COLLECTION_OPTION_KEYS.join(', ')}`);
      }
  }
}
