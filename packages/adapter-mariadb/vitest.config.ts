import { defineConfig } from 'vitest/config';

// `unit` needs no server (golden compile tests, parsers); `server` runs against the MariaDB
// server named by DUCTAPE_TEST_MARIADB_URL (or .services.env), through the mariadb driver.
export const config = defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    setupFiles: ['@ductape/services/setup-env'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'] } },
    ],
  },
});

export { config as default };
