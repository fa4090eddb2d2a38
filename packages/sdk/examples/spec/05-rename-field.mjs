// Spec block 5. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true }, name: 'string' });

// --- spec block ---
await db.schema.renameField('users', 'name', 'full_name');
// --- end of spec block ---

assert.deepEqual((await db.getAdapter().introspect('users'))?.fields.map((f) => f.name), ['id', 'full_name']);
await db?.disconnect?.();
