import { runName, withPassword, withPath } from './names.mjs';

/**
 * MongoDB (FerretDB here) on DUCTAPE_TEST_MONGO_URL: a fresh database name per run.
 * @example const ns = await mongoTarget.provision(process.env.DUCTAPE_TEST_MONGO_URL);
 */
export const mongoTarget = {
  key: 'mongo',
  pkg: '@ductape/adapter-mongo',
  server: 'mongo',
  /** @param {string} serverUrl */
  async provision(serverUrl) {
    const name = runName('ductape_rel_mongo');
    const url = withPath(serverUrl, name);
    return {
      key: 'mongo',
      pkg: '@ductape/adapter-mongo',
      multiProcess: true,
      connection: url,
      // FerretDB has no $jsonSchema validators, collMod or partial/TTL indexes: run without them, with a warning.
      options: { onMissingFeature: 'warn' },
      raw: { dialect: 'mongodb', sleep: undefined },
      secretConnections: (marker) => ({ unreachable: `mongodb://ductape:${marker}@127.0.0.1:1/${name}?serverSelectionTimeoutMS=1500`, real: withPassword(url, marker) }),
      async openProbe() {
        const { MongoClient } = await import('mongodb');
        const client = new MongoClient(serverUrl, { serverSelectionTimeoutMS: 10_000 });
        await client.connect();
        const db = client.db(name);
        return {
          async insertRows(table, n) {
            const docs = Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `row-${i + 1}` }));
            await db.collection(table).insertMany(docs);
          },
          async countRows(table) {
            const docs = await db.collection(table).find({}).toArray();
            return docs.filter((d) => d.name === `row-${d.id}`).length;
          },
          async tableNames() {
            return (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
          },
          close: () => client.close(),
        };
      },
      async dispose() {
        const { MongoClient } = await import('mongodb');
        const client = new MongoClient(serverUrl, { serverSelectionTimeoutMS: 10_000 });
        await client.connect();
        try {
          await client.db(name).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  },
};
