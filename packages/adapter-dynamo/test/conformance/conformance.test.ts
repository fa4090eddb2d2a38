import { runAdapterConformance } from '@ductape/adapter-testkit';
import { describe, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// The shared conformance suite on DynamoDB Local. Every adapter of the run shares one prefix,
// hence one history table and lock, like several processes on one database.
if (endpoint) {
  const prefix = uniquePrefix('kit');
  runAdapterConformance('dynamodb (DynamoDB Local)', () => ({
    newAdapter: () => makeAdapter(prefix),
    lockRelease: 'lease',
    // What DynamoDB cannot do, refused before IO (see README): uniqueness outside the key, and
    // table or index names outside [A-Za-z0-9_.-].
    declaredRefusals: ['addField (unique uuid)', 'createIndex (unique)', 'createIndex (composite, desc)', 'unique fields', 'odd table and index names'],
    // No `raw` sample: the kit's raw check runs text that changes the schema, and DynamoDB's
    // text (PartiQL) changes only items; raw commands are covered by raw-and-items.test.ts.
    teardown: async () => {
      const adapter = makeAdapter(prefix);
      await dropTables(adapter, prefix);
      await adapter.close();
    },
  }));
} else {
  describe.skip('dynamodb conformance: no DynamoDB Local outside CI (under CI=true requireServer fails instead)', () => it('needs `pnpm services:up dynamo`', () => undefined));
}
