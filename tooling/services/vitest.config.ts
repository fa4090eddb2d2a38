import { defineConfig } from 'vitest/config';

// Smoke tests talk to real servers started by `pnpm services:up`; .services.env is loaded
// by the setup file. test/unit needs no server (`pnpm test:unit`).
export const config = defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./src/setup-env.mjs'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export { config as default };
