// Spec block 28. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { migration as build } from '@ductape/sdk';
const migration = build('create_users').createCollection('users', { id: { type: 'uuid', primaryKey: true } }).build();

// --- spec block ---
import { MigrationHelpers } from '@ductape/sdk';

// Generate a unique migration tag
const tag = MigrationHelpers.generateTag('create_users');
// "20240115_143052_create_users"

// Validate a migration
const isValid = MigrationHelpers.validate(migration);

// Calculate migration checksum
const checksum = MigrationHelpers.checksum(migration);
// --- end of spec block ---

assert.match(tag, /^\d{8}_\d{6}_create_users$/);
assert.equal(isValid, true);
assert.match(checksum, /^[0-9a-f]{64}$/);
