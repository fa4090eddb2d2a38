import type { RenameCollectionOp, Step } from '@ductape/core';
import { StepNames, namedStep } from './step.js';

/**
 * renameCollection → renameCollection (dropTarget false), then the indexes named after the
 * collection follow it.
 * @example compileRenameCollection({ type: 'renameCollection', from: 'users', to: 'people' }).map((s) => s.name) // ['ductape.renameCollection', …]
 */
export function compileRenameCollection(op: RenameCollectionOp): Step[] {
  const { from, to } = op;
  return [
    namedStep(StepNames.renameCollection, { from, to }, `renameCollection ${from} → ${to} (dropTarget: false; _ductape_schema follows)`),
    namedStep(StepNames.renameImpliedIndexes, { from, to }, `rebuild indexes named after ${from} (${from}_pkey, ${from}_<field>_key) as ${to}_…`),
  ];
}
