import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own for one test file, so runs (and other engineers' runs) never share state or locks. */
export interface TempDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTempDatabase(serverUrl: string, label: string): Promise<TempDatabase> {
  const name = `ductape_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
