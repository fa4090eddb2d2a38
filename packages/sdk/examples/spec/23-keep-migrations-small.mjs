// Spec block 23. The prelude sets up what the block refers to; the block itself runs verbatim.
// The spec's `{ ... }` placeholders are filled with { id: { type: 'uuid', primaryKey: true } } (the only change).
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });

// --- spec block ---
// Good: Separate migrations
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });
await db.schema.create('posts', { id: { type: 'uuid', primaryKey: true } });
await db.schema.addField('users', 'avatar_url', 'string');

// Avoid: One giant migration with everything
// --- end of spec block ---

assert.ok((await db.getAdapter().introspect('users'))?.fields.map((f) => f.name).includes('avatar_url'));
assert.ok(await db.getAdapter().introspect('posts'));
await db?.disconnect?.();
