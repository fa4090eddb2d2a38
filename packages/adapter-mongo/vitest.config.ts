import { defineConfig } from 'vitest/config';

// `unit` needs no server (golden compile tests, pure helpers); `server` and `conformance` run
// against the MongoDB wire-protocol server named by DUCTAPE_TEST_MONGO_URL (.services.env,
// loaded by the setup file; FerretDB 1.24 on this machine).
//
// `conformance` (in `pnpm test`) runs the shared testkit minus one check that FerretDB itself
// cannot pass: its SQLite back end fails to create a collection whose name holds a double quote
// ("SQL logic error: near \"odd\""), which MongoDB allows. `pnpm test:conformance` runs the
// whole testkit, that check included (see README: Verified on which server).
const FERRETDB_BUG = 'quotes, spaces, unicode and reserved words';

export const config = defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['@ductape/services/setup-env'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['test/server/**/*.test.ts'] } },
      // testNamePattern works per project at runtime; vitest 3's ProjectConfig type omits it.
      { extends: true, test: { name: 'conformance', include: ['test/conformance/**/*.test.ts'], ...({ testNamePattern: new RegExp(`^(?!.*${FERRETDB_BUG})`) } as object) } },
      { extends: true, test: { name: 'conformance-all', include: ['test/conformance/**/*.test.ts'] } },
    ],
  },
});

export { config as default };
