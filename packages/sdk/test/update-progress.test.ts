import { describe } from 'vitest';
import { postgresTarget } from './support/postgres-target.js';
import { updateProgressCases } from './support/update-progress.js';

// Issue 19 on embedded PGlite: db.update's dryRun, maxLockMs and onProgress (the same cases run
// on the servers under test/server/update-progress-*.test.ts).
describe('db.update dryRun, maxLockMs and progress (PGlite)', () => {
  updateProgressCases({ ...postgresTarget('pglite://memory'), total: 'matching' });
});
