import { afterAll, beforeAll, describe } from 'vitest';
import type { ConformanceTarget } from './conformance-target.js';
import { dropsAndRenames } from './suites/drops-and-renames.js';
import { failureRecording } from './suites/failure-recording.js';
import { historyStore } from './suites/history-store.js';
import { identifiersAndValues } from './suites/identifiers-and-values.js';
import { lockExclusion } from './suites/lock-exclusion.js';
import { neverSilentlyWrong } from './suites/never-silently-wrong.js';
import { refusal } from './suites/refusal.js';
import { schemaRoundTrip } from './suites/schema-round-trip.js';
import { KitContext } from './support/kit-context.js';

/**
 * Registers the conformance suite for an adapter: every op up then down leaves the schema as it
 * was (by introspection); history save/list/remove; lock exclusion and takeover after the holder
 * dies; a failure mid-migration recorded with the steps applied; unsupported ops refused before
 * IO; odd identifiers and values. What an adapter's capabilities claim is what gets tested.
 *
 * Call it at the top level of a vitest test file. `factory` runs in `beforeAll`.
 * @example
 * import { runAdapterConformance } from '@ductape/adapter-testkit';
 * runAdapterConformance('postgres (pg)', async () => ({
 *   newAdapter: () => new PostgresAdapter({ url: process.env.DUCTAPE_TEST_POSTGRES_URL! }),
 *   crash: (a) => (a as PostgresAdapter).simulateCrash(),
 *   lockRelease: 'session',
 * }));
 */
export function runAdapterConformance(name: string, factory: () => ConformanceTarget | Promise<ConformanceTarget>): void {
  describe(`${name}: adapter conformance`, () => {
    const kit = new KitContext();
    beforeAll(async () => {
      await kit.start(await factory());
    }, 120_000);
    afterAll(async () => {
      await kit.stop();
    }, 60_000);
    schemaRoundTrip(kit);
    historyStore(kit);
    lockExclusion(kit);
    failureRecording(kit);
    refusal(kit);
    identifiersAndValues(kit);
    neverSilentlyWrong(kit);
    dropsAndRenames(kit);
  });
}
