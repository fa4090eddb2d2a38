// Spec block 26. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });

// --- spec block ---
const result = await db.schema.addField('users', 'phone', 'string');

// Verify the down migration
console.log(result.migration.down);
// Should include: { type: 'dropField', collection: 'users', field: 'phone' }
// --- end of spec block ---

assert.deepEqual(result.migration.down, [{ type: 'dropField', collection: 'users', field: 'phone' }]);
await db?.disconnect?.();
