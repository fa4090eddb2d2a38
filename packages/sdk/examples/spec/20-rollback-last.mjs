// Spec block 20. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService, MigrationEngine, migration } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
const lastMigration = migration('create_last').createCollection('last', { id: 'uuid' }).build();
await new MigrationEngine(db.getAdapter()).up(lastMigration);

// --- spec block ---
const engine = new MigrationEngine(db.getAdapter());
await engine.down(lastMigration);
// --- end of spec block ---

assert.equal(await db.getAdapter().introspect('last'), undefined);
await db?.disconnect?.();
