// Spec block 3. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });

// --- spec block ---
await db.schema.addField('users', 'phone', {
  type: 'string',
  length: 20,
});

// Generated migration:
// {
//   type: 'addField',
//   collection: 'users',
//   field: { name: 'phone', type: 'string', length: 20 },
//   down: [{ type: 'dropField', collection: 'users', field: 'phone' }]
// }
// --- end of spec block ---

assert.ok((await db.getAdapter().introspect('users'))?.fields.map((f) => f.name).includes('phone'));
await db?.disconnect?.();
