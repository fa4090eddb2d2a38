// Spec block 6. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 } });

// --- spec block ---
await db.schema.modifyField('users', 'email', {
  length: 500,
  required: true,
});
// --- end of spec block ---

const email = (await db.getAdapter().introspect('users')).fields.find((f) => f.name === 'email');
assert.equal(email.length, 500);
assert.ok(email.required || email.nullable === false);
await db?.disconnect?.();
