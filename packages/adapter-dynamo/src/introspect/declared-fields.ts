import { type FieldDefinition, type HistoryEntry, type Operation, applyChanges } from '@ductape/core';

/**
 * The fields of `collection` as declared by the applied migrations in history, in recorded
 * order (createCollection, addField, dropField, renameField, modifyField, dropCollection).
 * DynamoDB itself stores only key and index attributes, so this is how introspection knows the
 * rest. Undefined when no applied migration created the collection. Pure.
 * @example declaredFields('users', await adapter.history.list())?.map((f) => f.name)
 */
export function declaredFields(collection: string, history: readonly HistoryEntry[]): FieldDefinition[] | undefined {
  let fields: FieldDefinition[] | undefined;
  for (const entry of history) {
    if (entry.status !== 'applied' || entry.direction !== 'up') continue;
    for (const op of entry.migration.up) fields = fold(fields, op, collection);
  }
  return fields;
}

function fold(fields: FieldDefinition[] | undefined, op: Operation, c: string): FieldDefinition[] | undefined {
  switch (op.type) {
    case 'createCollection':
      return op.name === c ? [...op.fields] : fields;
    case 'dropCollection':
      return op.name === c ? undefined : fields;
    case 'addField':
      return op.collection === c && fields ? [...fields.filter((f) => f.name !== op.field.name), op.field] : fields;
    case 'dropField':
      return op.collection === c && fields ? fields.filter((f) => f.name !== op.field) : fields;
    case 'renameField':
      return op.collection === c && fields ? fields.map((f) => (f.name === op.from ? { ...f, name: op.to } : f)) : fields;
    case 'modifyField':
      return op.collection === c && fields ? fields.map((f) => (f.name === op.field ? applyChanges(f, op.changes) : f)) : fields;
    default:
      return fields;
  }
}
