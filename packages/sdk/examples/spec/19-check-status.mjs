// Spec block 19. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService, MigrationEngine, migration } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
const engine = new MigrationEngine(db.getAdapter());
const allMigrations = ['a', 'b', 'c'].map((n) => migration(`create_${n}`).createCollection(n, { id: 'uuid' }).build());
await engine.up(allMigrations[0]);

// --- spec block ---
const status = await engine.getStatus({
  definedMigrations: allMigrations,
});

console.log('Total:', status.total);
console.log('Completed:', status.completed);
console.log('Pending:', status.pending);
console.log('Last applied:', status.lastApplied?.name);

// List pending migrations
status.pendingMigrations.forEach((m) => {
  console.log('Pending:', m.name);
});
// --- end of spec block ---

assert.deepEqual([status.total, status.completed, status.pending, status.lastApplied?.name], [3, 1, 2, 'create_a']);
await db?.disconnect?.();
