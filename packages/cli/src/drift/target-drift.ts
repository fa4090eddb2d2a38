import type { Adapter, HistoryEntry } from '@ductape/sdk';
import { type Drift, compareCollection } from './compare.js';
import { driftCoverage } from './coverage.js';
import { expectedSchema } from './expected-schema.js';

/** The drift check of one database: what its history says against what introspection sees. */
export interface TargetDrift {
  /** Collections the applied migrations create or alter, all compared. */
  readonly checked: string[];
  readonly drifts: Drift[];
  /** Tags of applied migrations with raw operations: out of scope (their effect is not modelled, so not checked). */
  readonly notChecked: string[];
  /** What this database's introspection cannot show, so is not compared (e.g. "foreign keys (mongo has none)"). */
  readonly notCompared: string[];
}

/**
 * Replays the applied migrations of `adapter`'s history (read with the sdk's engine, no lock,
 * unless `history` is given) and compares every collection they touch with the live schema:
 * fields, indexes, unique constraints, foreign keys and checks, as far as the database has them
 * (driftCoverage). `drift` and `drift --fleet` both run this.
 * @example const { drifts } = await targetDrift(adapter);
 */
export async function targetDrift(adapter: Adapter, history?: readonly HistoryEntry[]): Promise<TargetDrift> {
  const { MigrationEngine } = await import('@ductape/sdk');
  const expected = expectedSchema(history ?? (await new MigrationEngine(adapter).getHistory()), adapter.name);
  const coverage = driftCoverage(adapter);
  const drifts: Drift[] = [];
  for (const [name, want] of expected.collections) drifts.push(...compareCollection(name, want, await adapter.introspect(name), coverage));
  return { checked: [...expected.collections.keys()], drifts, notChecked: expected.rawIn, notCompared: coverage.notCompared };
}

/**
 * The note that names raw migrations as out of scope.
 * @example rawNote(['20261201_120000_backfill']) // 'raw operations are out of scope: …'
 */
export function rawNote(tags: readonly string[]): string {
  return `raw operations are out of scope: what ${tags.join(', ')} changed is not modelled, so drift does not compare it; check it by hand`;
}
