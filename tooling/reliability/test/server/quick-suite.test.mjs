import { requireServer } from '@ductape/services/require-server';
import { describe, expect, it } from 'vitest';
import { MODES } from '../../src/modes.mjs';
import { runDatabase } from '../../src/run-database.mjs';
import { TARGETS } from '../../src/targets.mjs';

/**
 * The quick suite on each server database. A database listed in EXCLUDED fails a property for a
 * reason outside this package; the comment names the failure (see README).
 */
const EXCLUDED = {};

for (const target of TARGETS.filter((t) => t.server)) {
  const setting = EXCLUDED[target.key] ? undefined : requireServer(target.server);
  describe.skipIf(!setting)(`reliability quick mode on ${target.key}`, () => {
    it('holds every property', async () => {
      const report = await runDatabase(target, setting, { mode: MODES.quick, seed: 20261125, log: (l) => console.info(l) });
      expect(report.provisionError).toBeUndefined();
      const failures = Object.entries(report.results).flatMap(([p, r]) => r.failures.map((f) => `${p}: ${f}`));
      expect(failures).toEqual([]);
    });
  });
}
