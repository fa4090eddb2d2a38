import { identifierProblem } from '../helpers/identifiers.js';
import { type IssueList, isRecord } from '../helpers/issue-list.js';
import { CONSTRAINT_TYPES, type ConstraintDefinition, REFERENTIAL_ACTIONS } from '../model/constraint.js';
import { alreadyExists, collectionIn, fieldOfUniqueKey, updateCollection } from './memory-collections.js';
import { type OperationModule, inverse, missingFlag, nothing } from './operation-module.js';

/**
 * `addConstraint`: a primary, unique, foreign key or check constraint (capabilities
 * `uniqueConstraints`, `foreignKeys`, `checkConstraints`); undone by a dropConstraint carrying it.
 * @example addConstraintModule.inverse({ type: 'addConstraint', collection: 't', constraint: { name: 'k', type: 'unique', columns: ['a'] } })
 */
export const addConstraintModule: OperationModule<'addConstraint'> = {
  type: 'addConstraint',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    validateConstraint(op.constraint, `${path}.constraint`, out);
  },
  inverse: (op) => inverse({ type: 'dropConstraint', collection: op.collection, name: op.constraint.name, previous: op.constraint }),
  effects: (op) => [{ kind: 'constraint', collection: op.collection, name: op.constraint.name, exists: true }],
  unsupported(op, capabilities) {
    const type = op.constraint.type;
    return missingFlag(op.type, type === 'foreignKey' ? 'foreignKeys' : type === 'check' ? 'checkConstraints' : type === 'unique' ? 'uniqueConstraints' : undefined, capabilities);
  },
  touches: (op) => [op.collection],
  missingPrevious: nothing.missingPrevious,
  resolve: nothing.resolve,
  applyToCopy: (op, copy) => copy.update(op.collection, (c) => (c.constraints ? { ...c, constraints: [...c.constraints, op.constraint] } : c)),
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.collection);
    const keyed = fieldOfUniqueKey(c, op.constraint.name, op.constraint);
    if (keyed) return updateCollection(collections, c, { fields: c.fields.map((f) => (f === keyed ? { ...f, unique: true } : f)) });
    if ((c.constraints ?? []).some((k) => k.name === op.constraint.name)) throw alreadyExists(`constraint "${op.constraint.name}"`);
    if (op.constraint.type === 'foreignKey') collectionIn(collections, op.constraint.references.table);
    updateCollection(collections, c, { constraints: [...(c.constraints ?? []), op.constraint as ConstraintDefinition] });
  },
  summary: (op) => `${op.type} ${op.constraint.name} on ${op.collection}`,
  replayFields: nothing.replayFields,
};

function validateConstraint(c: unknown, path: string, out: IssueList): void {
  if (!isRecord(c)) return out.add('invalid_constraint', path, 'a constraint must be an object with name and type');
  out.identifier(`${path}.name`, identifierProblem(c.name));
  if (!CONSTRAINT_TYPES.includes(c.type as never)) return out.add('unknown_constraint_type', `${path}.type`, `constraint type must be one of ${CONSTRAINT_TYPES.join(', ')}`);
  if (c.type === 'check') {
    if (typeof c.expression !== 'string' || c.expression.trim() === '') out.add('check_without_expression', `${path}.expression`, 'a check constraint needs an expression');
    return;
  }
  const columns = identifierList(c.columns, `${path}.columns`, out);
  if (c.type !== 'foreignKey') return;
  const ref = c.references;
  if (!isRecord(ref)) return out.add('foreign_key_without_references', `${path}.references`, 'a foreign key needs references: { table, columns }');
  out.identifier(`${path}.references.table`, identifierProblem(ref.table));
  const refColumns = identifierList(ref.columns, `${path}.references.columns`, out);
  if (columns > 0 && refColumns > 0 && columns !== refColumns) out.add('foreign_key_arity', `${path}.references.columns`, `${columns} column(s) cannot reference ${refColumns} column(s)`);
  for (const key of ['onDelete', 'onUpdate'] as const) {
    if (ref[key] !== undefined && !REFERENTIAL_ACTIONS.includes(ref[key] as never))
      out.add('invalid_referential_action', `${path}.references.${key}`, `${key} must be one of ${REFERENTIAL_ACTIONS.join(', ')}`);
  }
}

function identifierList(value: unknown, path: string, out: IssueList): number {
  if (!Array.isArray(value) || value.length === 0) {
    out.add('no_columns', path, 'needs a non-empty list of column names');
    return 0;
  }
  value.forEach((v, i) => out.identifier(`${path}[${i}]`, identifierProblem(v)));
  return value.length;
}
