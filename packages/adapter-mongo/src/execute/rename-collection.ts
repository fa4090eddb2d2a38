import { DuctapeError, ErrorCodes } from '@ductape/core';
import { BSON, type ClientSession, type Db, type Document } from 'mongodb';
import { primaryKeyIndexName, uniqueFieldIndexName } from '../compile/index-spec.js';
import { SHADOW_COLLECTION } from '../shadow-schema.js';
import { PENDING_INDEXES_COLLECTION } from './rename-field.js';
import { type WriteLimits, createIndexesInChunks } from './write-chunks.js';

/**
 * Renames a collection in place (`renameCollection` with `dropTarget: false`: an existing
 * target is an error, never replaced), and moves what `_ductape_schema` records of it. Refuses
 * a missing source or an existing target before changing anything.
 * @example await renameCollection(db, 'users', 'people')
 */
export async function renameCollection(db: Db, from: string, to: string, session?: ClientSession): Promise<void> {
  const opts = session ? { session } : {};
  const exists = async (name: string) => (await db.listCollections({ name }, opts).toArray()).length > 0;
  if (!(await exists(from)))
    throw new DuctapeError(ErrorCodes.notFound, `collection "${from}" does not exist, so it cannot be renamed to "${to}"`, 'check the name, or create the collection in an earlier operation');
  if (await exists(to))
    throw new DuctapeError(
      ErrorCodes.alreadyExists,
      `collection "${to}" already exists; renameCollection never replaces a collection (dropTarget: false)`,
      `drop or rename "${to}" first (in an earlier operation), or rename "${from}" to another name`,
    );
  // The record is copied before the rename: a runner killed between the two leaves the renamed
  // collection with its record (the engine's resume counts this step applied once the rename is
  // seen, and would never move it), and a leftover record of `from` is removed below or by the
  // next step (reliability finding 22).
  const shadow = db.collection<{ _id: string }>(SHADOW_COLLECTION);
  const recorded = await shadow.findOne({ _id: from }, opts);
  if (recorded) await shadow.replaceOne({ _id: to }, { ...recorded, _id: to }, { ...opts, upsert: true });
  else await shadow.deleteOne({ _id: to }, opts);
  await db.renameCollection(from, to, { dropTarget: false, ...opts });
  await shadow.deleteOne({ _id: from }, opts);
}

/**
 * After a collection rename: the indexes named after the collection (`<from>_pkey`,
 * `<from>_<field>_key`) are rebuilt under the new name, so introspection still reads them as
 * primary key and unique fields. They are recorded in `_ductape_pending_indexes` before they are
 * dropped; running it again (a resumed run) finishes what was recorded.
 * @example await renameImpliedIndexes(db, 'users', 'people', MONGODB_FEATURES)
 */
export async function renameImpliedIndexes(db: Db, from: string, to: string, limits: WriteLimits, session?: ClientSession): Promise<void> {
  const opts = session ? { session } : {};
  // A run killed after the rename (step counted applied on resume) may have left the old record.
  if ((await db.listCollections({ name: from }, { ...opts, nameOnly: true }).toArray()).length === 0) await db.collection<{ _id: string }>(SHADOW_COLLECTION).deleteOne({ _id: from }, opts);
  const pending = db.collection<{ _id: string; json: string }>(PENDING_INDEXES_COLLECTION);
  const key = JSON.stringify(['renameCollection', from, to]);
  const recorded = await pending.findOne({ _id: key }, opts);
  let indexes = recorded ? (BSON.EJSON.parse(recorded.json, { relaxed: false }) as Document[]) : undefined;
  if (!indexes) {
    indexes = (await db.collection(to).listIndexes(opts).toArray()).filter((i) => renamed(i, from, to) !== undefined);
    if (indexes.length === 0) return;
    await pending.insertOne({ _id: key, json: BSON.EJSON.stringify(indexes, { relaxed: false }) }, opts);
  }
  for (const i of indexes) {
    await db.command({ dropIndexes: to, index: i.name }, opts).catch((error: unknown) => {
      if ((error as { code?: number }).code !== 27) throw error; // IndexNotFound: dropped by the run that recorded it
    });
  }
  if (indexes.length > 0) {
    await createIndexesInChunks(
      db,
      {
        createIndexes: to,
        indexes: indexes.map((i) => {
          const { v: _v, ns: _ns, ...spec } = i;
          return { ...spec, name: renamed(i, from, to) };
        }),
      },
      opts,
      limits,
    );
  }
  await pending.deleteOne({ _id: key }, opts);
}

// The index's name under the new collection name, or undefined when it is not named after the collection.
function renamed(index: Document, from: string, to: string): string | undefined {
  const keys = Object.keys(index.key as Document);
  if (index.name === primaryKeyIndexName(from)) return primaryKeyIndexName(to);
  if (keys.length === 1 && keys[0] !== undefined && index.name === uniqueFieldIndexName(from, keys[0])) return uniqueFieldIndexName(to, keys[0]);
  return undefined;
}
