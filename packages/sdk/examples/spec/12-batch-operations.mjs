// Spec block 12. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService, MigrationEngine, migration } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });

// --- spec block ---
const orderSystemMigration = migration('create_order_system')
  .description('Create orders and order_items tables')
  .createCollection('orders', [
    { name: 'id', type: 'uuid', primaryKey: true },
    { name: 'customer_id', type: 'uuid', nullable: false },
    { name: 'status', type: 'string', length: 50 },
    { name: 'total', type: 'decimal', precision: 10, scale: 2 },
  ])
  .createCollection('order_items', [
    { name: 'id', type: 'uuid', primaryKey: true },
    { name: 'order_id', type: 'uuid', nullable: false },
    { name: 'product_id', type: 'uuid', nullable: false },
    { name: 'quantity', type: 'integer' },
    { name: 'unit_price', type: 'decimal', precision: 10, scale: 2 },
  ])
  .createIndex('orders', 'idx_orders_customer', [{ name: 'customer_id' }])
  .createIndex('order_items', 'idx_order_items_order', [{ name: 'order_id' }])
  .build();
// --- end of spec block ---

await new MigrationEngine(db.getAdapter()).up(orderSystemMigration);
assert.ok(await db.getAdapter().introspect('order_items'));
await db?.disconnect?.();
