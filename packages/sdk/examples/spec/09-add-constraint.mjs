// Spec block 9. The prelude sets up what the block refers to; the block itself runs verbatim.
import assert from 'node:assert/strict';
import { DatabaseService } from '@ductape/sdk';
const db = new DatabaseService();
await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });
await db.schema.create('posts', { id: { type: 'uuid', primaryKey: true }, author_id: 'uuid' });

// --- spec block ---
await db.schema.addConstraint('posts', {
  name: 'fk_posts_author',
  type: 'foreignKey',
  columns: ['author_id'],
  references: {
    table: 'users',
    columns: ['id'],
    onDelete: 'CASCADE',
  },
});
// --- end of spec block ---

assert.ok((await db.getAdapter().introspect('posts')).constraints.some((c) => c.name === 'fk_posts_author'));
await db?.disconnect?.();
