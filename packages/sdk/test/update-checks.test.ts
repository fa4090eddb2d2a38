import { describe } from 'vitest';
import { postgresTarget } from './support/postgres-target.js';
import { updateCheckCases } from './support/update-checks.js';

// Issue 16 defect 9 on embedded PGlite (the same cases run on the servers under test/server).
describe('db.update checks values and operators against the column types (PGlite)', () => {
  updateCheckCases(postgresTarget('pglite://memory'));
});
