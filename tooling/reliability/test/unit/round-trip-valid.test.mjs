import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArbitrary } from '../../src/round-trip/arbitraries.mjs';
import { buildMigration } from '../../src/round-trip/apply.mjs';
import { interpret } from '../../src/round-trip/interpret.mjs';
import { placeOf, profileOf } from '../../src/round-trip/profile.mjs';
import { CAPS, PLACE } from '../support/capabilities.mjs';

// The generator draws only migrations core accepts: a refusal by core's validation in a run is a
// failure of the run (kind `refused`), so the model must follow core's rules. Checked here on the
// full run's 300 histories of the documented seed, without a database.
describe('roundTrip generator: every migration of the full run passes core validation', () => {
  for (const key of Object.keys(CAPS)) {
    it(key, () => {
      const profile = { ...profileOf(key, CAPS[key]), place: placeOf(PLACE[key]) };
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
