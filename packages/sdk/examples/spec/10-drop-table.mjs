// Spec block 10. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('old_table', { id: { type: 'uuid', primaryKey: true } });

// --- spec block ---
await db.schema.drop('old_table', { cascade: true });
// --- end of spec block ---

assert.equal(await db.getAdapter().introspect('old_table'), undefined);
await db?.disconnect?.();
