import type { DropCollectionOp, Step } from '@ductape/core';
import { StepNames, commandStep, namedStep } from './step.js';

/**
 * dropCollection → `drop`; what _ductape_schema records about the collection (constraints, a
 * validator the server cannot hold) goes with it.
 * @example compileDropCollection({ type: 'dropCollection', name: 'old_table' })[0].args // { drop: 'old_table' }
 */
export function compileDropCollection(op: DropCollectionOp): Step[] {
  const name = op.name;
  return [commandStep({ drop: name }, `drop ${name}`), namedStep(StepNames.shadowValidator, { collection: name, validator: null }, `forget what _ductape_schema records of ${name}`)];
}
