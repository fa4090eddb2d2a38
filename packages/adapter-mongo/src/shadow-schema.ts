import { BSON, type ClientSession, type Db } from 'mongodb';
import type { Doc } from './compile/step.js';

/**
 * Where the validator of a collection is kept when the server cannot hold one (FerretDB 1.x,
 * policy 'warn'): one document per collection, the validator as Extended JSON text. Patches
 * apply to it exactly as to a real validator, and introspection reads it, so downs stay complete;
 * nothing enforces it.
 */
export const SHADOW_COLLECTION = '_ductape_schema';

/** The recorded validator options of a collection. */
export interface ShadowValidator {
  readonly validator?: Doc;
  readonly validationLevel?: string;
  readonly validationAction?: string;
}

/**
 * The shadow validator of `collection`, or undefined.
 * @example const shadow = await readShadow(db, 'users');
 */
export async function readShadow(db: Db, collection: string, session?: ClientSession): Promise<ShadowValidator | undefined> {
  const doc = await db.collection<{ _id: string; json: string }>(SHADOW_COLLECTION).findOne({ _id: collection }, session ? { session } : {});
  return doc ? (BSON.EJSON.parse(doc.json, { relaxed: true }) as ShadowValidator) : undefined;
}

/**
 * Records (or, with undefined, forgets) the shadow validator of `collection`.
 * @example await writeShadow(db, 'users', { validator: { $jsonSchema: { … } } });
 */
export async function writeShadow(db: Db, collection: string, shadow: ShadowValidator | undefined, session?: ClientSession): Promise<void> {
  const coll = db.collection<{ _id: string; json: string }>(SHADOW_COLLECTION);
  const opts = session ? { session } : {};
  if (!shadow) {
    await coll.deleteOne({ _id: collection }, opts);
    return;
  }
  await coll.updateOne({ _id: collection }, { $set: { json: BSON.EJSON.stringify(shadow, { relaxed: true }) } }, { ...opts, upsert: true });
}
