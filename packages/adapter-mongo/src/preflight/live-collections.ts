import type { Db } from 'mongodb';

/**
 * Which of `names` are collections (or views) of the database now. Reads only.
 * @example await liveCollections(db, ['events', 'people']) // ['events']
 */
export async function liveCollections(db: Db, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const found = await db.listCollections({ name: { $in: [...names] } }, { nameOnly: true }).toArray();
  return found.map((c) => c.name).sort();
}
