import { requireServer } from '@ductape/services/require-server';
import { MongoClient } from 'mongodb';

/** The MongoDB wire-protocol server of this machine (FerretDB), or undefined (skip outside CI). */
export const mongoUrl: string | undefined = requireServer('mongo');

/** Drops the given databases (test cleanup). */
export async function dropDatabases(url: string, names: readonly string[]): Promise<void> {
  const c = new MongoClient(url);
  await c.connect();
  for (const n of names)
    await c
      .db(n)
      .dropDatabase()
      .catch(() => undefined);
  await c.close();
}
