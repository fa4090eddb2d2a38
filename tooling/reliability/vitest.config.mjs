import { defineConfig } from 'vitest/config';

// `unit`: no server (argument parsing, report, arbitraries, and the quick suite on embedded PGlite).
// `server`: the quick suite on every database whose server is set up (requireServer: under CI=true a
// missing server fails). One file per database; files run side by side (most of the time is spent
// waiting on servers), at most three at once.
export const config = defineConfig({
  test: {
    testTimeout: 600_000,
    hookTimeout: 120_000,
    maxWorkers: 3,
    minWorkers: 1,
    setupFiles: ['@ductape/services/setup-env'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.mjs'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.mjs'] } },
    ],
  },
});

export { config as default };
