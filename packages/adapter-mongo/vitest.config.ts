import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs no server (golden compile tests, pure helpers);
// `server` runs against the MongoDB wire-protocol server named by DUCTAPE_TEST_MONGO_URL
// (.services.env, loaded by the setup file; FerretDB on this machine).
export const config = defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['@ductape/services/setup-env'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'] } },
    ],
  },
});

export { config as default };
