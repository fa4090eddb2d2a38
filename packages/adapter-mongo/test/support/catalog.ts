import type { Db } from 'mongodb';

/**
 * What the server says exists, for comparing before/after: the user collections (not Ductape's
 * own `_ductape_*`) and, for each, its indexes (name, key, unique), sorted.
 */
export async function catalog(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('_ductape_'));
  for (const name of names.sort()) {
    const indexes = await db.collection(name).listIndexes().toArray();
    out[name] = indexes.map((i) => ({ name: i.name, key: i.key, unique: i.unique === true })).sort((a, b) => String(a.name).localeCompare(String(b.name)));
  }
  return out;
}
