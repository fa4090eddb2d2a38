import { defineConfig } from 'vitest/config';

// `unit` needs no server (golden compile tests); `server` runs against the Cassandra named by
// DUCTAPE_TEST_CASSANDRA_HOSTS (or .services.env via the setup file); `conformance` runs the
// shared testkit on that server, with what Cassandra cannot do declared as refusals.
// Cassandra DDL is slow (0.5–2 s per schema change here), so timeouts are generous but bounded.
export const config = defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    setupFiles: ['@ductape/services/setup-env'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'], exclude: ['test/server/cluster-*.test.ts'] } },
      // The Cassandra ring (`pnpm services:up cassandra-cluster`); skipped with a reason without it.
      { extends: true, test: { name: 'cluster', include: ['test/server/cluster-*.test.ts'], testTimeout: 900_000, hookTimeout: 300_000 } },
      { extends: true, test: { name: 'conformance', include: ['test/conformance/**/*.test.ts'] } },
    ],
  },
});

export { config as default };
