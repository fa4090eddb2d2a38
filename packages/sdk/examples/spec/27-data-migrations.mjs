// Spec block 27. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService, MigrationEngine, migration } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string' });
await new MigrationEngine(db.getAdapter()).up(
  migration('seed_users').raw('postgresql', "INSERT INTO users (id, first_name, last_name) VALUES (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing')", { down: 'DELETE FROM users' }).build(),
);

// --- spec block ---
// Schema migration
await db.schema.addField('users', 'full_name', 'string');

// Data migration (separate operation)
await db.update({
  table: 'users',
  data: {
    full_name: { $CONCAT: ['first_name', ' ', 'last_name'] }
  },
  where: { full_name: null },
});

// Clean up old columns
await db.schema.dropField('users', 'first_name');
await db.schema.dropField('users', 'last_name');
// --- end of spec block ---

const rows = await db.getAdapter().target.query('SELECT full_name FROM users ORDER BY id');
assert.deepEqual(rows.map((r) => r.full_name), ['Ada Lovelace', 'Alan Turing']);
assert.deepEqual((await db.getAdapter().introspect('users')).fields.map((f) => f.name), ['id', 'full_name']);
await db?.disconnect?.();
