import { defineConfig } from 'vitest/config';

// `unit` needs no server (golden compile tests); `server` runs against the DynamoDB Local named
// by DUCTAPE_TEST_DYNAMO_ENDPOINT (or .services.env via the setup file); `conformance` runs the
// shared testkit there, with what DynamoDB cannot do declared as refusals.
export const config = defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['@ductape/services/setup-env'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'] } },
      { extends: true, test: { name: 'conformance', include: ['test/conformance/**/*.test.ts'] } },
    ],
  },
});

export { config as default };
