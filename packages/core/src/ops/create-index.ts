import { identifierProblem } from '../helpers/identifiers.js';
import { type IssueList, isRecord } from '../helpers/issue-list.js';
import { type IndexDefinition, SIMILARITY_FUNCTIONS } from '../model/index-definition.js';
import { alreadyExists, collectionIn, fieldIn, updateCollection } from './memory-collections.js';
import { type OperationModule, inverse, missingFlag, nothing, vectorRefusal } from './operation-module.js';

/**
 * `createIndex`: an index on fields; undone by a dropIndex carrying its definition. Key prefixes
 * need `indexPrefixLength`, a `where` needs `partialIndexes`.
 * @example createIndexModule.unsupported({ type: 'createIndex', collection: 't', name: 'i', fields: [{ name: 'a' }], where: 'a > 0' }, caps) // needs partialIndexes
 */
export const createIndexModule: OperationModule<'createIndex'> = {
  type: 'createIndex',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    validateIndex(op, path, out);
  },
  inverse(op) {
    const { type: _type, collection, ...index } = op;
    return inverse({ type: 'dropIndex', collection, name: op.name, previous: index });
  },
  effects: (op) => [{ kind: 'index', collection: op.collection, name: op.name, exists: true }],
  unsupported(op, capabilities) {
    if (op.fields?.some((f) => f.length !== undefined)) return missingFlag(op.type, 'indexPrefixLength', capabilities);
    if (op.similarityFunction !== undefined) return vectorRefusal(op.type, [op], capabilities);
    if (op.collation !== undefined) return missingFlag(op.type, 'indexCollation', capabilities);
    return missingFlag(op.type, op.where !== undefined ? 'partialIndexes' : undefined, capabilities);
  },
  touches: (op) => [op.collection],
  missingPrevious: nothing.missingPrevious,
  resolve: nothing.resolve,
  applyToCopy(op, copy) {
    const { type: _t, collection, ...index } = op;
    copy.update(collection, (c) => (c.indexes ? { ...c, indexes: [...c.indexes, index as IndexDefinition] } : c));
  },
  applyInMemory(collections, op) {
    const { type: _t, collection, ...index } = op;
    const c = collectionIn(collections, collection);
    if ((c.indexes ?? []).some((i) => i.name === op.name)) throw alreadyExists(`index "${op.name}"`);
    for (const f of op.fields) fieldIn(c, f.name);
    updateCollection(collections, c, { indexes: [...(c.indexes ?? []), index as IndexDefinition] });
  },
  summary: (op) => `${op.type} ${op.name} on ${op.collection}`,
  replayFields: nothing.replayFields,
};

function validateIndex(op: Record<string, unknown>, path: string, out: IssueList): void {
  out.identifier(`${path}.name`, identifierProblem(op.name));
  const fields = op.fields;
  if (!Array.isArray(fields) || fields.length === 0) {
    out.add('index_without_fields', `${path}.fields`, 'an index needs at least one field, e.g. [{ name: "email" }]');
    return;
  }
  const similarity = op.similarityFunction;
  if (similarity !== undefined && !SIMILARITY_FUNCTIONS.includes(similarity as never)) {
    out.add(
      'invalid_similarity_function',
      `${path}.similarityFunction`,
      `similarityFunction must be one of ${SIMILARITY_FUNCTIONS.map((f) => `'${f}'`).join(', ')} (got ${JSON.stringify(similarity)})`,
    );
  }
  if (similarity !== undefined && (op.unique === true || op.where !== undefined || fields.length !== 1)) {
    out.add('invalid_vector_index', `${path}.similarityFunction`, 'a vector index covers one vector column, and is neither unique nor partial');
  }
  fields.forEach((f, i) => {
    if (!isRecord(f)) return out.add('invalid_index_field', `${path}.fields[${i}]`, 'an index field must be { name, order?, length? }');
    out.identifier(`${path}.fields[${i}].name`, identifierProblem(f.name));
    if (f.order !== undefined && f.order !== 'ASC' && f.order !== 'DESC') out.add('invalid_order', `${path}.fields[${i}].order`, 'order must be "ASC" or "DESC"');
    if (f.length !== undefined && (typeof f.length !== 'number' || !Number.isInteger(f.length) || f.length <= 0)) {
      out.add(
        'invalid_index_length',
        `${path}.fields[${i}].length`,
        `an index prefix length must be a positive integer (characters), e.g. { name: "body", length: 100 }; got ${JSON.stringify(f.length)}`,
      );
    }
  });
}
