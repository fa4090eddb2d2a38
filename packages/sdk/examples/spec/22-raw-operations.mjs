// Spec block 22. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { migration } from '@ductape/sdk';

// --- spec block ---
const rawMigration = migration('custom_operation')
  .raw('postgresql', 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"')
  .raw('postgresql', 'CREATE INDEX CONCURRENTLY idx_users_email ON users(email)')
  .build();
// --- end of spec block ---

assert.equal(rawMigration.up.length, 2);
assert.match(rawMigration.irreversible, /no down/);
