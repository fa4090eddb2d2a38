// Spec block 2. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });

// --- spec block ---
await db.schema.create('products', {
  id: { type: 'uuid', primaryKey: true },
  name: { type: 'string', length: 255, required: true },
  price: { type: 'decimal', precision: 10, scale: 2 },
  stock: 'integer',
  is_active: { type: 'boolean', default: true },
  metadata: 'json',
}, { timestamps: true });

// Generated migration:
// {
//   type: 'createCollection',
//   name: 'products',
//   fields: [...],
//   up: [...],
//   down: [{ type: 'dropCollection', name: 'products' }]
// }
// --- end of spec block ---

assert.deepEqual((await db.getAdapter().introspect('products'))?.fields.map((f) => f.name), ['id', 'name', 'price', 'stock', 'is_active', 'metadata', 'created_at', 'updated_at']);
await db?.disconnect?.();
