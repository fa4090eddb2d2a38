import type { ClientSession, Db } from 'mongodb';
import type { Doc } from '../compile/step.js';
import type { ValidatorPatch } from '../compile/validator-patch.js';
import { applyPatch } from '../introspect/apply-patch.js';
import { missingCollection } from './missing-collection.js';
import { readShadow, writeShadow } from '../shadow-schema.js';

/**
 * Reads the collection's validator (listCollections), applies the patch and sends collMod with
 * the result (`shadow`: the validator recorded in _ductape_schema instead). Idempotent for add, drop and modify; a rename already done finds nothing to rename.
 * @example await patchValidator(db, 'users', { kind: 'dropField', field: 'age' }, false)
 */
export async function patchValidator(db: Db, collection: string, patch: ValidatorPatch, shadow: boolean, session?: ClientSession): Promise<Doc> {
  const opts = session ? { session } : {};
  const info = await db.listCollections({ name: collection }, opts).toArray();
  if (info.length === 0) throw missingCollection(collection, 'check the name, or create the collection in an earlier operation (createCollection)');
  if (shadow) {
    const recorded = await readShadow(db, collection, session);
    const validator = applyPatch(recorded?.validator, patch);
    await writeShadow(db, collection, { ...recorded, validator }, session);
    return validator;
  }
  const current = (info[0] as { options?: { validator?: Doc } }).options?.validator;
  const validator = applyPatch(current, patch);
  await db.command({ collMod: collection, validator }, opts);
  return validator;
}
