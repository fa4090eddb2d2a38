import { PGlite } from '@electric-sql/pglite';
import { runAdapterConformance } from '@ductape/adapter-testkit';
import { PostgresAdapter } from '../../src/index.js';
import { pgTarget } from '../support/pg-target.js';

// PGlite runs in-process: no server needed, so this always runs. One shared instance plays the
// database; each adapter is one "process" on it. A single session means a lease lock.
runAdapterConformance('postgres (PGlite, in memory)', async () => {
  const instance = await PGlite.create();
  return pgTarget(() => new PostgresAdapter({ pglite: { instance } }), { lockRelease: 'lease', crash: undefined, teardown: () => instance.close() });
});
