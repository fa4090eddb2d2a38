import { describe, expect, it } from 'vitest';
import { MODES } from '../../src/modes.mjs';
import { runDatabase } from '../../src/run-database.mjs';
import { pgliteTarget } from '../../src/targets/pglite.mjs';

// The quick suite on embedded PGlite: needs no server.
describe('reliability quick mode on PGlite', () => {
  it('holds every property', async () => {
    const report = await runDatabase(pgliteTarget, undefined, { mode: MODES.quick, seed: 20261125, log: (l) => console.info(l) });
    const failures = Object.entries(report.results).flatMap(([p, r]) => r.failures.map((f) => `${p}: ${f}`));
    expect(failures).toEqual([]);
    expect(Object.keys(report.results)).toHaveLength(7);
  });
});
