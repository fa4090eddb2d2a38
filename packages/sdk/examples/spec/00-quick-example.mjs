// Spec block 0. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';

// --- spec block ---
import { DatabaseService } from '@ductape/sdk';

const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });

// Create table - automatically generates and applies a migration
const result = await db.schema.create('users', {
  id: { type: 'uuid', primaryKey: true },
  email: { type: 'string', length: 255, required: true, unique: true },
  name: { type: 'string', length: 100 },
}, { timestamps: true });

// The migration is tracked and can be replayed
console.log('Migration:', result.migration.tag);
// --- end of spec block ---

assert.match(result.migration.tag, /^\d{8}_\d{6}_create_users$/);
await db.disconnect();
