import type { DropFieldOp, ModifyFieldOp, RenameFieldOp } from '../model/operation.js';
import type { LiveSchema } from './operation-module.js';

/**
 * A field op with the live definition of its field (`name`) as `previous`; refused when the
 * collection or the field does not exist.
 * @example withPreviousField(op, op.field, live) // { ...op, previous: { name: 'email', type: 'string', length: 255 } }
 */
export function withPreviousField<O extends ModifyFieldOp | DropFieldOp | RenameFieldOp>(op: O, name: string, live: LiveSchema): O {
  const c = live.collection(op.collection);
  if (!c) return live.refused(op, `${op.type}: collection "${op.collection}" does not exist`);
  const field = c.fields.find((f) => f.name === name);
  return field ? { ...op, previous: field } : live.refused(op, `${op.type}: collection "${op.collection}" has no field "${name}"`);
}
