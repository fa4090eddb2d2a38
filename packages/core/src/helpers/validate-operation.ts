import { COLLECTION_OPTION_KEYS } from '../model/collection-options.js';
import { CONSTRAINT_TYPES, REFERENTIAL_ACTIONS } from '../model/constraint.js';
import { OPERATION_TYPES, type OperationType } from '../model/operation.js';
import { identifierProblem } from './identifiers.js';
import { type IssueList, isRecord } from './issue-list.js';
import { validateField, validateFieldOptions } from './validate-field.js';

/** Checks one operation on its own (cross-operation rules live in validate-migration). */
export function validateOperation(op: unknown, path: string, out: IssueList): void {
  if (!isRecord(op)) {
    out.add('invalid_operation', path, 'an operation must be an object with a "type"');
    return;
  }
  if (!OPERATION_TYPES.includes(op.type as OperationType)) {
    out.add('unknown_operation', `${path}.type`, `unknown operation type ${JSON.stringify(op.type)}; use one of ${OPERATION_TYPES.join(', ')}`);
    return;
  }
  const type = op.type as OperationType;
  if (type === 'raw') return validateRaw(op, path, out);
  if (type === 'renameCollection') return validateRenameCollection(op, path, out);
  const collectionKey = type === 'createCollection' || type === 'dropCollection' ? 'name' : 'collection';
  out.identifier(`${path}.${collectionKey}`, identifierProblem(op[collectionKey]));
  switch (type) {
    case 'createCollection':
      return validateCreate(op, path, out);
    case 'addField':
      return validateField(op.field, `${path}.field`, out);
    case 'dropField':
      return out.identifier(`${path}.field`, identifierProblem(op.field));
    case 'renameField':
      out.identifier(`${path}.from`, identifierProblem(op.from));
      out.identifier(`${path}.to`, identifierProblem(op.to));
      if (op.from === op.to) out.add('rename_to_same', `${path}.to`, 'renameField needs a new name different from the old one');
      return;
    case 'modifyField':
      out.identifier(`${path}.field`, identifierProblem(op.field));
      if (!isRecord(op.changes) || Object.keys(op.changes).length === 0) out.add('empty_change', `${path}.changes`, 'modifyField needs at least one change, e.g. { length: 500 }');
      else validateFieldOptions(op.changes, `${path}.changes`, out, true);
      return;
    case 'createIndex':
      return validateIndex(op, path, out);
    case 'dropIndex':
    case 'dropConstraint':
      return out.identifier(`${path}.name`, identifierProblem(op.name));
    case 'addConstraint':
      return validateConstraint(op.constraint, `${path}.constraint`, out);
    case 'dropCollection':
      return;
  }
}

function validateRenameCollection(op: Record<string, unknown>, path: string, out: IssueList): void {
  out.identifier(`${path}.from`, identifierProblem(op.from));
  out.identifier(`${path}.to`, identifierProblem(op.to));
  if (op.from === op.to) out.add('rename_to_same', `${path}.to`, 'renameCollection needs a new name different from the old one');
}

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

function validateIndex(op: Record<string, unknown>, path: string, out: IssueList): void {
  out.identifier(`${path}.name`, identifierProblem(op.name));
  const fields = op.fields;
  if (!Array.isArray(fields) || fields.length === 0) {
    out.add('index_without_fields', `${path}.fields`, 'an index needs at least one field, e.g. [{ name: "email" }]');
    return;
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

function validateRaw(op: Record<string, unknown>, path: string, out: IssueList): void {
  if (typeof op.dialect !== 'string' || op.dialect === '') out.add('raw_without_dialect', `${path}.dialect`, 'a raw operation needs a dialect such as "postgresql"');
  validateRawStatement(op, path, out);
  if (op.down !== undefined) validateRawStatement(op.down, `${path}.down`, out);
}

function validateRawStatement(s: unknown, path: string, out: IssueList): void {
  if (!isRecord(s)) return out.add('invalid_raw', path, 'must be { sql } or { command }');
  const hasSql = typeof s.sql === 'string' && s.sql.trim() !== '';
  const hasCommand = isRecord(s.command);
  if (hasSql === hasCommand) out.add('raw_without_statement', path, 'a raw operation needs exactly one of a non-empty sql text or a command object');
}
