/**
 * Sizes of a run. `full` is the figures; `quick` is what the test suite runs in CI.
 * @example MODES.quick.crash.trials // 3
 */
export const MODES = {
  quick: {
    quick: true,
    concurrency: { processes: 8, migrations: 10 },
    crash: { trials: 3 },
    badInput: { cases: 200, maxMs: 60_000 },
    roundTrip: {
      histories: 4,
      maxMigrations: 12,
      shrinkMs: 15_000,
      maxShrinks: 1,
      maxMs: 45_000,
      perDatabase: { dynamo: { histories: 1, maxMigrations: 6, shrinkMs: 0 }, cassandra: { histories: 2, maxMigrations: 8 } },
    },
  },
  full: {
    concurrency: { processes: 8, migrations: 50 },
    crash: { trials: 20 },
    badInput: { cases: 10_000, maxMs: 25 * 60_000 },
    roundTrip: { histories: 300, shrinkMs: 90_000, maxShrinks: 4 },
  },
};

/** Property names in run order. */
export const PROPERTIES = ['tamper', 'productionGuard', 'staleLock', 'concurrency', 'crash', 'badInput', 'secrets', 'roundTrip'];
