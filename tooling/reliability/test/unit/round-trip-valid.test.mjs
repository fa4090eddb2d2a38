import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArbitrary } from '../../src/round-trip/arbitraries.mjs';
import { buildMigration } from '../../src/round-trip/apply.mjs';
import { interpret } from '../../src/round-trip/interpret.mjs';
import { placeOf, profileOf } from '../../src/round-trip/profile.mjs';

const SQL = {
  transactionalDdl: true,
  renameField: true,
  renameCollection: true,
  modifyField: true,
  dropField: true,
  foreignKeys: true,
  checkConstraints: true,
  uniqueConstraints: true,
  partialIndexes: true,
  concurrentIndex: false,
};
const NOSQL = { ...SQL, transactionalDdl: false, renameCollection: false, foreignKeys: false, checkConstraints: false, uniqueConstraints: false, partialIndexes: false };
const TARGETS = {
  postgres: { caps: { ...SQL, rawDialects: ['postgresql'] }, place: { key: 'postgres', connection: 'postgresql://127.0.0.1:5432/x', options: {} } },
  mariadb: { caps: { ...SQL, transactionalDdl: false, partialIndexes: false, rawDialects: ['mariadb', 'mysql'] }, place: { key: 'mariadb', connection: 'mariadb://127.0.0.1:3306/x', options: {} } },
  mongo: { caps: { ...NOSQL, renameCollection: true, uniqueConstraints: true, rawDialects: ['mongodb'] }, place: { key: 'mongo', connection: 'mongodb://127.0.0.1:27017/x', options: {} } },
  dynamo: { caps: { ...NOSQL, rawDialects: ['dynamodb'] }, place: { key: 'dynamo', connection: 'dynamodb://127.0.0.1:8000?region=us-east-1', options: { tablePrefix: 'rel_x1_' } } },
  cassandra: { caps: { ...NOSQL, rawDialects: ['cassandra'] }, place: { key: 'cassandra', connection: 'cassandra://127.0.0.1:9042/x?dc=datacenter1', options: {} } },
};

// The generator draws only migrations core accepts: a refusal by core's validation in a run is a
// failure of the run (kind `refused`), so the model must follow core's rules. Checked here on the
// full run's 300 histories of the documented seed, without a database.
describe('roundTrip generator: every migration of the full run passes core validation', () => {
  for (const [key, { caps, place }] of Object.entries(TARGETS)) {
    it(key, () => {
      const profile = { ...profileOf(key, caps), place: placeOf(place) };
      const refused = [];
      fc.sample(historyArbitrary({}), { seed: 20261125, numRuns: 300 }).forEach((h, i) => {
        for (const m of interpret(profile, h, `h${i}`).migrations) {
          try {
            buildMigration(m);
          } catch (error) {
            refused.push(`history ${i} ${m.name}: ${String(error.message).slice(0, 200)}`);
          }
        }
      });
      expect(refused).toEqual([]);
    });
  }
});
