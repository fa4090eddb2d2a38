// Spec block 4. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true }, old_column: 'text' });

// --- spec block ---
await db.schema.dropField('users', 'old_column');
// --- end of spec block ---

assert.deepEqual((await db.getAdapter().introspect('users'))?.fields.map((f) => f.name), ['id']);
await db?.disconnect?.();
