import { runAdapterConformance } from '@ductape/adapter-testkit';
import { requireServer } from '@ductape/services/require-server';
import { MongoClient } from 'mongodb';
import { describe, it } from 'vitest';
import { MongoAdapter } from '../../src/index.js';
import { CapturedLog, uniqueDatabase } from '../support/mongo-target.js';

// FerretDB 1.x here: no validators/collMod/partial/TTL, so the adapter runs with
// onMissingFeature 'warn' (validators skipped with a logged warning) and declares
// partialIndexes false from probing.
const url = requireServer('mongo');

if (url) {
  const database = uniqueDatabase('ductape_conf');
  runAdapterConformance('mongo (FerretDB, onMissingFeature: warn)', () => ({
    newAdapter: () => new MongoAdapter({ url, database, onMissingFeature: 'warn', logger: new CapturedLog() }),
    lockRelease: 'lease',
    raw: {
      dialect: 'mongodb',
      up: (table) => JSON.stringify({ createIndexes: table, indexes: [{ key: { raw_n: 1 }, name: 'raw_idx' }] }),
      down: (table) => JSON.stringify({ dropIndexes: table, index: 'raw_idx' }),
      failing: JSON.stringify({ noSuchCommand: 1 }),
    },
    teardown: async () => {
      const c = new MongoClient(url);
      await c.connect();
      await c.db(database).dropDatabase();
      await c.close();
    },
  }));
} else {
  describe.skip('mongo conformance: no MongoDB-protocol server outside CI (under CI=true requireServer fails instead)', () => it('needs `pnpm services:up mongo`', () => undefined));
}
