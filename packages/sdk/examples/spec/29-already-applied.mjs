// Spec block 29. The prelude sets up what the block refers to; the block itself runs verbatim.
// The spec's `{ ... }` placeholders are filled with { id: { type: 'uuid', primaryKey: true } } (the only change).
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });

// --- spec block ---
try {
  await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });
} catch (error) {
  if (error.message.includes('already exists')) {
    console.log('Migration already applied, skipping');
  }
}
// --- end of spec block ---

await db?.disconnect?.();
