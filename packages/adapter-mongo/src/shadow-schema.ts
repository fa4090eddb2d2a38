import type { ConstraintDefinition } from '@ductape/core';
import { BSON, type ClientSession, type Db } from 'mongodb';
import type { Doc } from './compile/step.js';

/**
 * What the server cannot say about a collection, one document per collection: the validator
 * when the server cannot hold one (FerretDB 1.x, policy 'warn'; Extended JSON text, patched like
 * a real validator, not enforced), and which unique indexes are unique *constraints*
 * (addConstraint), so introspection lists them as constraints and downs stay complete.
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
  const doc = await db.collection<{ _id: string; json?: string }>(SHADOW_COLLECTION).findOne({ _id: collection }, session ? { session } : {});
  return doc?.json ? (BSON.EJSON.parse(doc.json, { relaxed: true }) as ShadowValidator) : undefined;
}

/**
 * Records (or, with undefined, forgets) the shadow validator of `collection`.
 * @example await writeShadow(db, 'users', { validator: { $jsonSchema: { … } } });
 */
export async function writeShadow(db: Db, collection: string, shadow: ShadowValidator | undefined, session?: ClientSession): Promise<void> {
  const coll = db.collection<{ _id: string; json?: string }>(SHADOW_COLLECTION);
  const opts = session ? { session } : {};
  if (!shadow) {
    await coll.deleteOne({ _id: collection }, opts);
    return;
  }
  await coll.updateOne({ _id: collection }, { $set: { json: BSON.EJSON.stringify(shadow, { relaxed: true }) } }, { ...opts, upsert: true });
}

/**
 * The unique/primary-key constraints recorded for `collection` (each is a unique index of the same name).
 * @example await readConstraints(db, 'users') // [{ name: 'uq_users_email', type: 'unique', columns: ['email'] }]
 */
export async function readConstraints(db: Db, collection: string, session?: ClientSession): Promise<ConstraintDefinition[]> {
  const doc = await db.collection<{ _id: string; constraints?: ConstraintDefinition[] }>(SHADOW_COLLECTION).findOne({ _id: collection }, session ? { session } : {});
  return doc?.constraints ?? [];
}

/**
 * Records constraints added (`add`) or dropped (`remove`, by name) on `collection`.
 * @example await recordConstraints(db, 'users', { add: [{ name: 'uq', type: 'unique', columns: ['email'] }] })
 */
export async function recordConstraints(db: Db, collection: string, change: { add?: readonly ConstraintDefinition[]; remove?: readonly string[] }, session?: ClientSession): Promise<void> {
  const coll = db.collection<{ _id: string; constraints?: ConstraintDefinition[] }>(SHADOW_COLLECTION);
  const opts = session ? { session } : {};
  const gone = new Set([...(change.remove ?? []), ...(change.add ?? []).map((c) => c.name)]);
  const kept = (await readConstraints(db, collection, session)).filter((c) => !gone.has(c.name));
  await coll.updateOne({ _id: collection }, { $set: { constraints: [...kept, ...(change.add ?? [])] } }, { ...opts, upsert: true });
}

/**
 * Renames `from` to `to` in the columns of every constraint recorded for `collection` (a field
 * rename moves its unique indexes; what _ductape_schema says of them must follow). Idempotent:
 * run again, it finds no column named `from`.
 * @example await renameConstraintColumns(db, 'events', 'code', 'body') // events_uq: ['code'] → ['body']
 */
export async function renameConstraintColumns(db: Db, collection: string, from: string, to: string, session?: ClientSession): Promise<void> {
  const recorded = await readConstraints(db, collection, session);
  if (!recorded.some((c) => c.type !== 'check' && c.columns.includes(from))) return;
  const renamed = recorded.map((c) => (c.type === 'check' ? c : { ...c, columns: c.columns.map((n) => (n === from ? to : n)) }));
  await db.collection<{ _id: string; constraints?: ConstraintDefinition[] }>(SHADOW_COLLECTION).updateOne({ _id: collection }, { $set: { constraints: renamed } }, session ? { session } : {});
}
