// Spec block 21. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService, MigrationEngine, migration } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
const engine = new MigrationEngine(db.getAdapter());
await engine.upAll(['a', 'b', 'c'].map((n) => migration(`create_${n}`).createCollection(n, { id: 'uuid' }).build()));

// --- spec block ---
// Get history and find the target
const history = await engine.getHistory();
const targetIndex = history.findIndex(h => h.tag === 'target_migration_tag');

// Rollback each migration after the target
for (let i = history.length - 1; i > targetIndex; i--) {
  await engine.down(history[i].migration);
}
// --- end of spec block ---

assert.equal((await engine.getHistory()).length, 0);
assert.equal(await db.getAdapter().introspect('a'), undefined);
await db?.disconnect?.();
