// Spec block 16. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });

// --- spec block ---
await db.schema.create('users', {
  id: { type: 'string', primaryKey: true },
  email: 'string',
  created_at: 'timestamp',
}, {
  dynamoOptions: {
    partitionKey: { name: 'id', type: 'S' },
    sortKey: { name: 'created_at', type: 'N' },
    billingMode: 'PAY_PER_REQUEST',
    globalSecondaryIndexes: [{
      name: 'email-index',
      partitionKey: { name: 'email', type: 'S' },
      projection: 'ALL',
    }],
    localSecondaryIndexes: [{
      name: 'created-index',
      sortKey: { name: 'created_at', type: 'N' },
      projection: 'KEYS_ONLY',
    }],
    streamEnabled: true,
    streamViewType: 'NEW_AND_OLD_IMAGES',
    ttlAttribute: 'expires_at',
  },
});
// --- end of spec block ---

assert.ok((await db.getAdapter().introspect('users'))?.fields.map((f) => f.name).includes('email'));
await db?.disconnect?.();
