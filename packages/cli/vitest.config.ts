import { defineConfig } from 'vitest/config';

// `unit`: pure tests and the built binary against embedded PGlite (no server).
// `server`: the binary against the PostgreSQL server of `pnpm services:up postgres`.
// `packed`: the packed tarballs npm-installed in an empty CommonJS project (needs the npm registry for tsx and PGlite).
export const config = defineConfig({
  test: {
    testTimeout: 600_000,
    hookTimeout: 60_000,
    setupFiles: ['@ductape/services/setup-env', './test/support/temp-cleanup.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'] } },
      { extends: true, test: { name: 'packed', include: ['test/packed/**/*.test.ts'] } },
    ],
  },
});

export { config as default };
