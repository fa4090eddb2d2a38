// Spec block 14. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('orders', { id: { type: 'uuid', primaryKey: true }, user_id: 'uuid' });

// --- spec block ---
await db.schema.create('users', {
  id: { type: 'uuid', primaryKey: true },
  email: { type: 'string', required: true },
}, {
  sqlOptions: {
    ifNotExists: true,
    temporary: false,
    unlogged: false,  // PostgreSQL only
  },
});

// Add constraint
await db.schema.addConstraint('orders', {
  name: 'fk_orders_user',
  type: 'foreignKey',
  columns: ['user_id'],
  references: {
    table: 'users',
    columns: ['id'],
    onDelete: 'CASCADE',
    onUpdate: 'CASCADE',
  },
});
// --- end of spec block ---

assert.ok((await db.getAdapter().introspect('orders')).constraints.some((c) => c.name === 'fk_orders_user'));
await db?.disconnect?.();
