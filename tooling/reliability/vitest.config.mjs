import { defineConfig } from 'vitest/config';

// `unit`: no server (argument parsing, report, arbitraries, and the quick suite on embedded PGlite).
// `server`: the quick suite on every database whose server is set up (requireServer: under CI=true a
// missing server fails). Files run one after another: they share the two cores with the servers.
export const config = defineConfig({
  test: {
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    setupFiles: ['@ductape/services/setup-env'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.mjs'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.mjs'] } },
    ],
  },
});

export { config as default };
