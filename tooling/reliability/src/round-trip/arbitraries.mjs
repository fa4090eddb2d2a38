import fc from 'fast-check';

const choice = fc.record({ k: fc.nat(999), a: fc.nat(999), b: fc.nat(999), c: fc.nat(999), d: fc.nat(999) });

/**
 * A migration history as plain choices: 5–40 migrations of 1–6 ops, each through the builder or
 * `db.schema.*`, with rows written before some. `interpret` turns it into migrations for one
 * database, so the same numbers give every database its own valid history.
 * @example fc.sample(historyArbitrary(), { seed: 1, numRuns: 1 })[0].migrations.length // 5..40
 * @param {{ minMigrations?: number, maxMigrations?: number }} [size]
 */
export function historyArbitrary(size = {}) {
  const migration = fc.record({ via: fc.nat(1), write: fc.nat(99), ops: fc.array(choice, { minLength: 1, maxLength: 6 }) });
  return fc.record({ migrations: fc.array(migration, { minLength: size.minMigrations ?? 5, maxLength: size.maxMigrations ?? 40 }) });
}
