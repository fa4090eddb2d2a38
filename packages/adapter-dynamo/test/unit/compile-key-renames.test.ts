import { ValidationError, migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { DynamoCompiler } from '../../src/dynamo-compiler.js';
import { compileUp } from '../support/compile.js';

// Finding 23 (issue 17): a renameField of a key attribute is refused before any IO. Here: the keys
// the migration itself creates (compile, no server); test/server/key-renames.test.ts: the live table.
describe('renameField of a key attribute (compile)', () => {
  const tags = () =>
    migration('m').createCollection('tags', [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'user', type: 'text' },
    ]);

  it('refuses a GSI key created earlier in the migration (createIndex), naming the index and what to do', () => {
    const m = tags()
      .createIndex('tags', 'tags_raw', [{ name: 'user' }])
      .renameField('tags', 'user', 'amount')
      .build();
    const error = (() => {
      try {
        compileUp(m);
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('DUCTAPE_VALIDATION');
    expect(error.issues[0]?.code).toBe('renames_index_key');
    expect(error.message).toContain('global secondary index "tags_raw"');
    expect(error.message).toContain(".dropIndex('tags', 'tags_raw').renameField('tags', 'user', 'amount').createIndex('tags', 'tags_raw', [{ name: 'amount' }])");
  });

  it('refuses a GSI of dynamoOptions, a GSI made by a raw UpdateTable, an LSI and the table key', () => {
    const withGsi = migration('m')
      .createCollection('tags', [{ name: 'id', type: 'string', primaryKey: true }], {
        dynamoOptions: { globalSecondaryIndexes: [{ name: 'by_user', partitionKey: { name: 'owner', type: 'S' }, sortKey: { name: 'user', type: 'S' } }] },
      })
      .renameField('tags', 'user', 'amount')
      .build();
    expect(() => compileUp(withGsi)).toThrow(/sort key of global secondary index "by_user".*createIndex\('tags', 'by_user', \[\{ name: 'owner' \}, \{ name: 'amount' \}\]\)/);
    const raw = migration('m')
      .raw('dynamodb', {
        command: 'UpdateTable',
        input: {
          TableName: 'tags',
          AttributeDefinitions: [{ AttributeName: 'user', AttributeType: 'S' }],
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'tags_raw', KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
        },
      })
      .renameField('tags', 'user', 'amount')
      .build();
    expect(() => compileUp(raw)).toThrow(/partition key of global secondary index "tags_raw"/);
    const lsi = migration('m')
      .createCollection('tags', [{ name: 'id', type: 'string', primaryKey: true }], {
        dynamoOptions: { partitionKey: { name: 'id', type: 'S' }, sortKey: { name: 'at', type: 'N' }, localSecondaryIndexes: [{ name: 'by_user', sortKey: { name: 'user', type: 'S' } }] },
      })
      .renameField('tags', 'user', 'amount')
      .build();
    expect(() => compileUp(lsi)).toThrow(/local secondary index "by_user".*cannot be recreated/);
    expect(() => compileUp(tags().renameField('tags', 'id', 'key').build())).toThrow(/partition key of table "tags"/);
  });

  it('allows it when the index is dropped first and recreated on the new name, and in the down of that migration', () => {
    const m = tags()
      .createIndex('tags', 'tags_raw', [{ name: 'user' }])
      .dropIndex('tags', 'tags_raw')
      .renameField('tags', 'user', 'amount')
      .createIndex('tags', 'tags_raw', [{ name: 'amount' }])
      .build();
    expect(compileUp(m).map((s) => (s.kind === 'command' ? s.name : s.kind))).toEqual(['CreateTable', 'UpdateTable', 'UpdateTable', 'ScanAndUpdate', 'UpdateTable']);
    const compiler = new DynamoCompiler('');
    const down = migration('d')
      .dropIndex('tags', 'tags_raw', { previous: { name: 'tags_raw', fields: [{ name: 'amount' }] } })
      .renameField('tags', 'amount', 'user')
      .createIndex('tags', 'tags_raw', [{ name: 'user' }])
      .build();
    expect(down.up.flatMap((op, index) => compiler.compile(op, { migration: down, direction: 'up', index, options: {} }))).toHaveLength(3);
    // Renaming another attribute, or renaming onto a dropped table's old key, is not refused.
    expect(
      compileUp(
        tags()
          .createIndex('tags', 'tags_raw', [{ name: 'user' }])
          .renameField('tags', 'note', 'text')
          .build(),
      ),
    ).toHaveLength(3);
    expect(compileUp(migration('x').dropCollection('tags').renameField('tags', 'id', 'key').build())).toHaveLength(2);
  });
});

// dropField of a key attribute: the same check (the live table: test/server/key-drops.test.ts).
describe('dropField of a key attribute (compile)', () => {
  const tags = () =>
    migration('m').createCollection('tags', [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'user', type: 'text' },
    ]);
  const codeOf = (m: ReturnType<ReturnType<typeof tags>['build']>) => {
    try {
      compileUp(m);
    } catch (e) {
      return e instanceof ValidationError ? e.issues[0]?.code : String(e);
    }
    return undefined;
  };

  it('refuses a GSI key (createIndex), an LSI key and a table key created earlier in the migration, saying what to write', () => {
    const gsi = tags()
      .createIndex('tags', 'tags_ix', [{ name: 'user' }])
      .dropField('tags', 'user')
      .build();
    expect(codeOf(gsi)).toBe('drops_index_key');
    expect(() => compileUp(gsi)).toThrow(".dropIndex('tags', 'tags_ix').dropField('tags', 'user')");
    const lsi = migration('m')
      .createCollection('tags', [{ name: 'id', type: 'string', primaryKey: true }], {
        dynamoOptions: { partitionKey: { name: 'id', type: 'S' }, sortKey: { name: 'at', type: 'N' }, localSecondaryIndexes: [{ name: 'by_user', sortKey: { name: 'user', type: 'S' } }] },
      })
      .dropField('tags', 'user')
      .build();
    expect(() => compileUp(lsi)).toThrow(/sort key of local secondary index "by_user"/);
    expect(codeOf(tags().dropField('tags', 'id').build())).toBe('drops_table_key');
  });

  it('allows it after the index is dropped, and allows other attributes', () => {
    expect(
      codeOf(
        tags()
          .createIndex('tags', 'tags_ix', [{ name: 'user' }])
          .dropIndex('tags', 'tags_ix')
          .dropField('tags', 'user')
          .build(),
      ),
    ).toBeUndefined();
    expect(
      codeOf(
        tags()
          .createIndex('tags', 'tags_ix', [{ name: 'user' }])
          .dropField('tags', 'note')
          .build(),
      ),
    ).toBeUndefined();
  });
});
