// Spec block 17. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });

// --- spec block ---
await db.schema.create('events', {
  id: { type: 'uuid', primaryKey: true },
  user_id: 'uuid',
  event_type: 'string',
  data: 'json',
  created_at: 'timestamp',
}, {
  cassandraOptions: {
    partitionKey: ['user_id'],
    clusteringColumns: ['created_at', 'id'],
    clusteringOrder: [
      { column: 'created_at', order: 'DESC' },
      { column: 'id', order: 'ASC' },
    ],
    defaultTTL: 86400,
    compaction: {
      class: 'LeveledCompactionStrategy',
    },
  },
});
// --- end of spec block ---

assert.ok((await db.getAdapter().introspect('events'))?.fields.map((f) => f.name).includes('event_type'));
await db?.disconnect?.();
