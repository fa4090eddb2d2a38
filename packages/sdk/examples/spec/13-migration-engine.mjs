// Spec block 13. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService, migration as build } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
const migration = build('create_widgets').createCollection('widgets', { id: { type: 'uuid', primaryKey: true } }).build();
const [migration1, migration2, migration3] = ['a', 'b', 'c'].map((n) => build(`create_${n}`).createCollection(n, { id: 'uuid' }).build());
await db.schema.create('applied_first', { id: 'uuid' });

// --- spec block ---
import { MigrationEngine } from '@ductape/sdk';

const engine = new MigrationEngine(db.getAdapter());

// Run migration up
await engine.up(migration);

// Run migration down (rollback)
await engine.down(migration);

// Get migration history
const history = await engine.getHistory();

// Check migration status
const status = await engine.getStatus({
  definedMigrations: [migration1, migration2, migration3],
});

console.log('Pending migrations:', status.pending);
console.log('Completed migrations:', status.completed);
// --- end of spec block ---

assert.equal(status.pending, 3);
assert.equal(status.completed, 0);
assert.equal(await db.getAdapter().introspect('widgets'), undefined);
await db?.disconnect?.();
