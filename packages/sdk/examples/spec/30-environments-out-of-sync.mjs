// Spec block 30. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService, MigrationEngine, migration } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
const engine = new MigrationEngine(db.getAdapter());
const allMigrations = ['a', 'b', 'c'].map((n) => migration(`create_${n}`).createCollection(n, { id: 'uuid' }).build());
await engine.upAll(allMigrations);
await db.connect({ env: 'staging', product: 'my-app', database: 'main-db' });
await engine.up(allMigrations[0]);

// --- spec block ---
// Get status for each environment
for (const env of ['dev', 'staging', 'prd']) {
  await db.connect({ env, product: 'my-app', database: 'main-db' });
  const status = await engine.getStatus({ definedMigrations: allMigrations });
  console.log(`${env}: ${status.completed}/${status.total} migrations applied`);
}
// --- end of spec block ---

await db.disconnect();
