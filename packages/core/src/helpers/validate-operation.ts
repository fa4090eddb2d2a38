import { OPERATION_TYPES, type OperationType } from '../model/operation.js';
import { OPERATIONS } from '../ops/registry.js';
import { type IssueList, isRecord } from './issue-list.js';

/** Checks one operation on its own (each op's own checks, `src/ops/<op>.ts`; cross-operation rules live in validate-migration). */
export function validateOperation(op: unknown, path: string, out: IssueList): void {
  if (!isRecord(op)) {
    out.add('invalid_operation', path, 'an operation must be an object with a "type"');
    return;
  }
  if (!OPERATION_TYPES.includes(op.type as OperationType)) {
    out.add('unknown_operation', `${path}.type`, `unknown operation type ${JSON.stringify(op.type)}; use one of ${OPERATION_TYPES.join(', ')}`);
    return;
  }
  OPERATIONS[op.type as OperationType].validate(op, path, out);
}
