import type { Adapter } from '@ductape/sdk';
import { type Drift, compareCollection } from './compare.js';
import { expectedSchema } from './expected-schema.js';

/** The drift check of one database: what its history says against what introspection sees. */
export interface TargetDrift {
  /** Collections the applied migrations create or alter, all compared. */
  readonly checked: string[];
  readonly drifts: Drift[];
  /** Tags of applied migrations with raw operations (their effect is not checked). */
  readonly notChecked: string[];
}

/**
 * Replays the applied migrations of `adapter`'s history (read with the sdk's engine, no lock) and
 * compares every collection they touch with the live schema.
 * @example const { drifts } = await targetDrift(adapter);
 */
export async function targetDrift(adapter: Adapter): Promise<TargetDrift> {
  const { MigrationEngine } = await import('@ductape/sdk');
  const expected = expectedSchema(await new MigrationEngine(adapter).getHistory());
  const drifts: Drift[] = [];
  for (const [name, want] of expected.collections) drifts.push(...compareCollection(name, want, await adapter.introspect(name)));
  return { checked: [...expected.collections.keys()], drifts, notChecked: expected.rawIn };
}
