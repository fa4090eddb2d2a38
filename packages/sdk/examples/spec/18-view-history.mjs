// Spec block 18. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService, MigrationEngine } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });

// --- spec block ---
const engine = new MigrationEngine(db.getAdapter());
const history = await engine.getHistory();

history.forEach((entry) => {
  console.log('Tag:', entry.tag);
  console.log('Name:', entry.name);
  console.log('Applied at:', entry.appliedAt);
  console.log('Checksum:', entry.checksum);
  console.log('---');
});
// --- end of spec block ---

assert.equal(history.length, 1);
assert.ok(history[0].appliedAt instanceof Date);
await db?.disconnect?.();
