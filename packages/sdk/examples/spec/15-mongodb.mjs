// Spec block 15. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });

// --- spec block ---
await db.schema.create('users', {
  _id: { type: 'uuid', primaryKey: true },
  email: { type: 'string', required: true },
}, {
  mongoOptions: {
    capped: false,
    validator: {
      $jsonSchema: {
        bsonType: 'object',
        required: ['email'],
        properties: {
          email: { bsonType: 'string' }
        }
      }
    },
    validationLevel: 'strict',
    validationAction: 'error',
  },
});

// Shard a collection
// (handled via raw migration operations)
// --- end of spec block ---

assert.ok((await db.getAdapter().introspect('users'))?.fields.map((f) => f.name).includes('email'));
await db?.disconnect?.();
