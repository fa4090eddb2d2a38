import type { Operation, OperationType } from '../model/operation.js';
import { addConstraintModule } from './add-constraint.js';
import { addFieldModule } from './add-field.js';
import { alterCollectionOptionsModule } from './alter-collection-options.js';
import { alterTypeModule } from './alter-type.js';
import { createCollectionModule } from './create-collection.js';
import { createIndexModule } from './create-index.js';
import { createTypeModule } from './create-type.js';
import { dropCollectionModule } from './drop-collection.js';
import { dropConstraintModule } from './drop-constraint.js';
import { dropFieldModule } from './drop-field.js';
import { dropIndexModule } from './drop-index.js';
import { dropTypeModule } from './drop-type.js';
import { modifyFieldModule } from './modify-field.js';
import type { OperationModule } from './operation-module.js';
import { rawModule } from './raw.js';
import { renameCollectionModule } from './rename-collection.js';
import { renameFieldModule } from './rename-field.js';

/** One module per operation type: a type missing here (a new member of `Operation`) fails to compile. */
export type OperationModules = { readonly [T in OperationType]: OperationModule<T> };

/**
 * Every operation's module, by type: what the validator, `inverseOf`, the engine, the in-memory
 * adapter and the cli's drift read instead of switches of their own.
 * @example OPERATIONS.dropField.effects({ type: 'dropField', collection: 'users', field: 'age' })
 */
export const OPERATIONS: OperationModules = {
  createCollection: createCollectionModule,
  dropCollection: dropCollectionModule,
  renameCollection: renameCollectionModule,
  addField: addFieldModule,
  dropField: dropFieldModule,
  renameField: renameFieldModule,
  modifyField: modifyFieldModule,
  createIndex: createIndexModule,
  dropIndex: dropIndexModule,
  addConstraint: addConstraintModule,
  dropConstraint: dropConstraintModule,
  alterCollectionOptions: alterCollectionOptionsModule,
  createType: createTypeModule,
  alterType: alterTypeModule,
  dropType: dropTypeModule,
  raw: rawModule,
};

/**
 * The module of `op`'s type; undefined for a type that is not an operation (data from outside:
 * a history row, a hand-written object).
 * @example operationModule(op)?.inverse(op)
 */
export function operationModule<O extends Operation>(op: O): OperationModule<O['type']> | undefined;
export function operationModule(op: Operation): OperationModule<OperationType> | undefined {
  const type: unknown = typeof op === 'object' && op !== null ? op.type : undefined;
  return typeof type === 'string' && Object.hasOwn(OPERATIONS, type) ? (OPERATIONS[type as OperationType] as unknown as OperationModule<OperationType>) : undefined;
}
