import { defineConfig } from 'vitest/config';

// test/server needs the PostgreSQL server (`pnpm services:up postgres`, loaded from .services.env);
// test/packed installs the packed tarballs with npm. `test:unit` runs neither.
export const config = defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, setupFiles: ['@ductape/services/setup-env', './test/support/temp-cleanup.ts'] },
});

export { config as default };
