import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

// No mongod is obtainable here: the server is FerretDB (MongoDB wire protocol over SQLite).
const url = requireServer('mongo');

describe.skipIf(!url)('MongoDB wire protocol smoke (mongodb driver against FerretDB)', () => {
  const client = new MongoClient(url as string, { serverSelectionTimeoutMS: 10_000 });
  beforeAll(() => client.connect());
  afterAll(() => client.close());

  it('reads the server version', async () => {
    const info = await client.db('admin').command({ buildInfo: 1 });
    expect(info.version).toMatch(/^\d+\.\d+/);
  });

  it('creates and drops a collection', async () => {
    const db = client.db();
    await db.createCollection('ductape_smoke');
    await db.collection('ductape_smoke').insertOne({ _id: 1 as never, name: 'one' });
    expect(await db.collection('ductape_smoke').findOne({ _id: 1 as never })).toEqual({ _id: 1, name: 'one' });
    expect(await db.collection('ductape_smoke').drop()).toBe(true);
    const names = (await db.listCollections().toArray()).map((c) => c.name);
    expect(names).not.toContain('ductape_smoke');
  });
});
