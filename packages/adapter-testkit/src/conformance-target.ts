import type { Adapter, FieldDefinition } from '@ductape/core';

/** Raw statements in the adapter's own dialect, for the raw-operation checks. */
export interface RawSample {
  readonly dialect: string;
  /** Creates something the introspection of `table` shows (e.g. adds a column to it). */
  readonly up: (table: string) => string;
  /** Undoes `up`. */
  readonly down: (table: string) => string;
  /** A statement the database rejects. */
  readonly failing: string;
}

/**
 * What an adapter gives the conformance suite. Every adapter made by `newAdapter` must talk to
 * the same database, like several processes sharing one server.
 * @example
 * runAdapterConformance('postgres', async () => ({
 *   newAdapter: () => new PostgresAdapter({ url }),
 *   crash: (a) => (a as PostgresAdapter).simulateCrash(),
 *   lockRelease: 'session',
 *   checkExpression: 'n > 0',
 * }));
 */
export interface ConformanceTarget {
  /** A new adapter on the shared test database; the suite connects and closes it. */
  newAdapter(): Adapter | Promise<Adapter>;
  /**
   * Makes `adapter` stop the way a killed process does: its connections drop, nothing is
   * released. Required when `lockRelease` is 'session'.
   */
  crash?(adapter: Adapter): void | Promise<void>;
  /** How a dead holder's lock ends: with its session (advisory locks) or when its lease expires. */
  readonly lockRelease: 'session' | 'lease';
  /** A check constraint expression on an integer column named `n` (when checkConstraints). */
  readonly checkExpression?: string;
  /** A partial-index predicate on an integer column `n` (when partialIndexes). */
  readonly partialIndexWhere?: string | { readonly [key: string]: unknown };
  readonly raw?: RawSample;
  /** Field definitions core accepts but this database cannot store; each must be refused before IO. */
  readonly badFields?: readonly FieldDefinition[];
  /**
   * Checks this database cannot honour, by their names in the suite (e.g. 'createIndex (unique)',
   * 'odd table and index names'). Each one must then be refused before any IO with a typed error
   * (caught by `engine.plan`, nothing created, nothing recorded); every check not listed must pass
   * in full. A declaration is a promise the kit holds the adapter to, both ways.
   */
  readonly declaredRefusals?: readonly string[];
  /** Called once after the suite (drop the test database, stop an embedded one). */
  teardown?(): void | Promise<void>;
}
