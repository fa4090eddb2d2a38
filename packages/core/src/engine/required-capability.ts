import type { Adapter } from '../adapter/adapter.js';
import type { Capabilities } from '../adapter/capabilities.js';
import { UnsupportedOperationError } from '../errors/errors.js';
import type { Operation } from '../model/operation.js';

type Flag = Exclude<keyof Capabilities, 'rawDialects' | 'transactionalDdl'>;

function requiredFlag(op: Operation): Flag | undefined {
  switch (op.type) {
    case 'renameField':
      return 'renameField';
    case 'renameCollection':
      return 'renameCollection';
    case 'modifyField':
      return 'modifyField';
    case 'dropField':
      return 'dropField';
    case 'createIndex':
      if (op.fields?.some((f) => f.length !== undefined)) return 'indexPrefixLength';
      return op.where !== undefined ? 'partialIndexes' : undefined;
    case 'addConstraint':
      return op.constraint.type === 'foreignKey' ? 'foreignKeys' : op.constraint.type === 'check' ? 'checkConstraints' : op.constraint.type === 'unique' ? 'uniqueConstraints' : undefined;
    default:
      return undefined;
  }
}

/**
 * Throws UnsupportedOperationError for the first op the adapter cannot run. Pure: call it before IO.
 * `migration` (its name) is named in the error.
 * @example assertCapabilities(adapter, m.up, m.name)
 */
export function assertCapabilities(adapter: Adapter, ops: readonly Operation[], migration?: string): void {
  for (const op of ops) {
    if (op.type === 'raw') {
      if (!adapter.capabilities.rawDialects.includes(op.dialect)) {
        throw new UnsupportedOperationError(adapter.name, `a raw "${op.dialect}" operation`, `it runs raw operations for ${adapter.capabilities.rawDialects.join(', ') || 'no dialect'}`, migration);
      }
      continue;
    }
    const flag = requiredFlag(op);
    if (flag && !adapter.capabilities[flag]) throw new UnsupportedOperationError(adapter.name, op.type, `the adapter does not support ${flag}`, migration);
  }
}
