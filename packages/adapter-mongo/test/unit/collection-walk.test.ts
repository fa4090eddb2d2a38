import { migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { MongoAdapter } from '../../src/index.js';
import { collectionConflicts, collectionNamesOf } from '../../src/preflight/collection-walk.js';

// Finding 32: which steps preflight refuses for a collection name taken at that point (pure part;
// test/server/collection-exists.test.ts runs it through the engine on the server).
describe('collection names taken by createCollection / renameCollection (preflight walk)', () => {
  const adapter = new MongoAdapter({ url: 'mongodb://127.0.0.1:1', database: 'unit', probe: false });
  const stepsOf = (m: ReturnType<ReturnType<typeof migration>['build']>) => m.up.flatMap((op, index) => adapter.compile(op, { migration: m, direction: 'up', index, options: {} }));
  const fields = [{ name: 'id', type: 'integer' as const, primaryKey: true }];

  it('reads the names created or renamed to, and refuses one taken live or by an earlier step', () => {
    const m = migration('m').createCollection('a', fields).renameCollection('b', 'a').build();
    const steps = stepsOf(m);
    expect(collectionNamesOf(steps)).toEqual(['a']);
    expect(collectionConflicts(steps, [], 'db')).toEqual([
      expect.objectContaining({ code: 'collection_exists', path: 'up[1]', message: expect.stringContaining('created by up[0] of this migration') }),
    ]);
    expect(collectionConflicts(stepsOf(migration('m').createCollection('a', fields).build()), ['a'], 'db')).toEqual([
      expect.objectContaining({ code: 'collection_exists', path: 'up[0]', message: expect.stringContaining('collection "a" already exists in database "db"') }),
    ]);
  });

  it('frees a name dropped or renamed away earlier; stops at a raw step', () => {
    expect(collectionConflicts(stepsOf(migration('m').dropCollection('a').createCollection('a', fields).build()), ['a'], 'db')).toEqual([]);
    expect(collectionConflicts(stepsOf(migration('m').renameCollection('a', 'c').createCollection('a', fields).build()), ['a'], 'db')).toEqual([]);
    expect(collectionConflicts(stepsOf(migration('m').raw('mongodb', { drop: 'a' }).createCollection('a', fields).build()), ['a'], 'db')).toEqual([]);
  });
});
