import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlProbe } from './sql-probe.mjs';

/**
 * Embedded PGlite in a fresh temporary directory. One process at a time may open it, so the
 * concurrency property runs its runners as engines in one process over one shared instance.
 * @example const ns = await pgliteTarget.provision();
 */
export const pgliteTarget = {
  key: 'pglite',
  pkg: '@ductape/adapter-postgres',
  server: undefined,
  async provision() {
    const dir = mkdtempSync(join(tmpdir(), 'ductape-rel-pglite-'));
    const dataDir = join(dir, 'db');
    return {
      key: 'pglite',
      pkg: '@ductape/adapter-postgres',
      multiProcess: false,
      connection: `pglite://${dataDir}`,
      options: {},
      raw: { dialect: 'postgresql', sleep: (s) => `SELECT pg_sleep(${s})` },
      // PGlite has no password; the marker goes where a user could put one.
      secretConnections: (marker) => ({ unreachable: `postgres://ductape:${marker}@127.0.0.1:1/pglite`, real: undefined }),
      openProbe: (adapter) => sqlProbe((text, params) => adapter.query(text, params), '"', 'public'),
      async dispose() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
