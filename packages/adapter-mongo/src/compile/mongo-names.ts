import { type Operation, ValidationError, type ValidationIssue } from '@ductape/core';

/**
 * Why a collection name cannot be used on MongoDB, or undefined: no `$`, no NUL, not `system.*`.
 * @example collectionNameProblem('system.users') // 'must not start with "system." (reserved by MongoDB)'
 */
export function collectionNameProblem(name: string): string | undefined {
  if (name.includes('$')) return 'must not contain "$" on MongoDB';
  if (name.includes('\0')) return 'must not contain a NUL character';
  if (name.startsWith('system.')) return 'must not start with "system." (reserved by MongoDB)';
  return undefined;
}

/**
 * Why a field name cannot be used on MongoDB, or undefined: a leading `$` is an operator and a
 * `.` is a path into a sub-document, in validators, indexes and updates alike.
 * @example fieldNameProblem('a.b') // 'must not contain "." (MongoDB reads it as a path into a sub-document)'
 */
export function fieldNameProblem(name: string): string | undefined {
  if (name.startsWith('$')) return 'must not start with "$" (MongoDB reads it as an operator)';
  if (name.includes('.')) return 'must not contain "." (MongoDB reads it as a path into a sub-document)';
  return undefined;
}

/**
 * Refuses, before any IO, an operation whose collection or field names MongoDB cannot hold.
 * @example assertMongoNames({ type: 'addField', collection: 'users', field: { name: '$x', type: 'string' } }) // throws ValidationError
 */
export function assertMongoNames(op: Operation): void {
  const issues: ValidationIssue[] = [];
  const check = (path: string, name: string, problem: (n: string) => string | undefined) => {
    const p = problem(name);
    if (p) issues.push({ code: 'invalid_mongo_name', path, message: `"${name}" ${p}` });
  };
  const collection = 'collection' in op ? op.collection : 'name' in op ? op.name : undefined;
  if (typeof collection === 'string') check('collection', collection, collectionNameProblem);
  if (op.type === 'renameCollection') for (const k of ['from', 'to'] as const) check(k, op[k], collectionNameProblem);
  for (const [path, name] of fieldNames(op)) check(path, name, fieldNameProblem);
  if (issues.length > 0) throw new ValidationError(`${op.type} for MongoDB`, issues);
}

function fieldNames(op: Operation): [string, string][] {
  switch (op.type) {
    case 'createCollection':
      return op.fields.map((f, i) => [`fields[${i}].name`, f.name]);
    case 'addField':
      return [['field.name', op.field.name]];
    case 'dropField':
    case 'modifyField':
      return [['field', op.field]];
    case 'renameField':
      return [
        ['from', op.from],
        ['to', op.to],
      ];
    default:
      return [];
  }
}
