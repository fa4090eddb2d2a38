import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs no server (golden compile tests, PGlite in-process);
// `server` runs against the PostgreSQL named by DUCTAPE_TEST_POSTGRES_URL (or .services.env).
export const config = defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['./test/support/load-services-env.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'] } },
    ],
  },
});

export { config as default };
