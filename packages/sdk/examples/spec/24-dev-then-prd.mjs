// Spec block 24. The prelude sets up what the block refers to; the block itself runs verbatim.
// The spec's `{ ... }` placeholders are filled with { id: { type: 'uuid', primaryKey: true } } (the only change).
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();

// --- spec block ---
// Development
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('new_table', { id: { type: 'uuid', primaryKey: true } });

// After testing, apply to production
await db.connect({ env: 'prd', product: 'my-app', database: 'main-db' });
await db.schema.create('new_table', { id: { type: 'uuid', primaryKey: true } });
// --- end of spec block ---

assert.ok(await db.getAdapter().introspect('new_table'));
await db.disconnect();
