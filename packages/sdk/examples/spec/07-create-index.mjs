// Spec block 7. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true }, email: 'string' });

// --- spec block ---
await db.schema.createIndex('users', ['email'], {
  unique: true,
  name: 'idx_users_email',
});
// --- end of spec block ---

assert.ok((await db.getAdapter().introspect('users')).indexes.some((i) => i.name === 'idx_users_email' && i.unique));
await db?.disconnect?.();
