import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

// Unique per run: servers may be shared by several runs at once (developers, CI), and a run
// that was killed must not leave a name the next run trips over.
const SMOKE = `ductape_smoke_${process.pid}_${Date.now()}`;

// No mongod is obtainable here: the server is FerretDB (MongoDB wire protocol over SQLite).
const url = requireServer('mongo');

describe.skipIf(!url)('MongoDB wire protocol smoke (mongodb driver against FerretDB)', () => {
  // Made in beforeAll: a skipped describe still runs its body, and there may be no URL.
  let client: MongoClient;
  beforeAll(async () => {
    client = new MongoClient(url as string, { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
  });
  afterAll(() => client?.close());

  it('reads the server version', async () => {
    const info = await client.db('admin').command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+/);
  });

  it('creates and drops a collection', async () => {
    const db = client.db();
    await db.createCollection(SMOKE);
    await db.collection(SMOKE).insertOne({ _id: 1 as never, name: 'one' });
    expect(await db.collection(SMOKE).findOne({ _id: 1 as never })).toEqual({ _id: 1, name: 'one' });
    expect(await db.collection(SMOKE).drop()).toBe(true);
    const names = (await db.listCollections().toArray()).map((c) => c.name);
    expect(names).not.toContain(SMOKE);
  });
});
