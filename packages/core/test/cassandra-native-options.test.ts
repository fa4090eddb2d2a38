import { describe, expect, it } from 'vitest';
import { MigrationEngine, UnsupportedOperationError, inverseOf, migration, validationIssues } from '../src/index.js';
import { resolveMigration } from '../src/engine/resolve.js';
import { MemoryAdapter } from '../src/testing.js';

// Issue 25, Cassandra: static columns, vector indexes (similarityFunction) and table options of
// an existing table (alterCollectionOptions cassandraOptions). Validated in core, refused before
// any IO by an adapter without the capability.

const codes = (m: unknown) => validationIssues(m).map((i) => i.code);
const create = (fields: unknown[], indexes?: unknown[]) => ({ name: 'm', up: [{ type: 'createCollection', name: 't', fields, ...(indexes ? { indexes } : {}) }], down: [] });
const posts = () =>
  migration('create_posts')
    .createCollection('posts', { author: { type: 'uuid', primaryKey: true }, at: { type: 'datetime', primaryKey: true }, owner: { type: 'text', static: true } })
    .build();

describe('static columns', () => {
  it('static is a boolean field option; a key column cannot be static', () => {
    expect(codes(create([{ name: 'a', type: 'text', static: true }]))).toEqual([]);
    expect(codes(create([{ name: 'a', type: 'text', static: 'yes' }]))).toContain('invalid_flag');
    expect(codes(create([{ name: 'a', type: 'text', static: true, primaryKey: true }]))).toContain('static_key');
  });

  it('is refused before any IO by an adapter without staticColumns (createCollection, addField, modifyField), and kept by one with it', async () => {
    const without = new MemoryAdapter();
    const error = await new MigrationEngine(without).up(posts()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toMatch(/staticColumns \(field "owner" says static: true\)/);
    expect(without.executed).toEqual([]);
    expect(await without.history.list()).toEqual([]);
    await new MigrationEngine(without).up(
      migration('plain')
        .createCollection('t', { id: { type: 'uuid', primaryKey: true }, n: 'text' })
        .build(),
    );
    const add = migration('add').addField('t', 'owner', { type: 'text', static: true }).build();
    expect(await new MigrationEngine(without).up(add).catch((e: unknown) => e)).toBeInstanceOf(UnsupportedOperationError);
    const modify = migration('modify').modifyField('t', 'n', { static: true }).build();
    expect(await new MigrationEngine(without).up(modify).catch((e: unknown) => e)).toBeInstanceOf(UnsupportedOperationError);

    const withIt = new MemoryAdapter({ capabilities: { staticColumns: true } });
    await new MigrationEngine(withIt).up(posts());
    expect((await withIt.introspect('posts'))?.fields.find((f) => f.name === 'owner')).toEqual({ name: 'owner', type: 'text', static: true });
  });
});

describe('vector indexes', () => {
  it('similarityFunction is cosine, euclidean or dot_product, on one field, neither unique nor partial', () => {
    const ix = (extra: object) => ({ name: 'm', up: [{ type: 'createIndex', collection: 't', name: 'i', fields: [{ name: 'e' }], ...extra }], down: [] });
    expect(codes(ix({ similarityFunction: 'cosine' }))).toEqual([]);
    expect(codes(ix({ similarityFunction: 'manhattan' }))).toContain('invalid_similarity_function');
    expect(codes(ix({ similarityFunction: 'cosine', unique: true }))).toContain('invalid_vector_index');
  });

  it('is refused before any IO by an adapter without vectorIndexes, also when a dropped table brings one back', async () => {
    const adapter = new MemoryAdapter();
    await new MigrationEngine(adapter).up(
      migration('t')
        .createCollection('docs', { id: { type: 'uuid', primaryKey: true }, e: 'text' })
        .build(),
    );
    const executed = adapter.executed.length;
    const m = migration('vec')
      .createIndex('docs', 'docs_e', [{ name: 'e' }], { similarityFunction: 'cosine' })
      .build();
    const error = await new MigrationEngine(adapter).up(m).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toMatch(/vectorIndexes \(index "docs_e" says similarityFunction: "cosine"\)/);
    expect(adapter.executed.length).toBe(executed);
    const restore = {
      name: 'r',
      up: [{ type: 'createCollection', name: 'x', fields: [{ name: 'id', type: 'uuid', primaryKey: true }], indexes: [{ name: 'x_e', fields: [{ name: 'id' }], similarityFunction: 'cosine' }] }],
      down: [],
    };
    expect(codes(restore)).toEqual([]);
    const built = migration('restore')
      .operation(restore.up[0] as never)
      .build();
    expect(await new MigrationEngine(adapter).up(built).catch((e: unknown) => e)).toBeInstanceOf(UnsupportedOperationError);
  });
});

describe('alterCollectionOptions cassandraOptions', () => {
  const tune = () =>
    migration('tune')
      .alterCollectionOptions('posts', { cassandraOptions: { defaultTTL: 60, comment: 'x', compaction: { class: 'LeveledCompactionStrategy' } } })
      .build();

  it('validates each setting; the key and clustering order are not settings of an existing table', () => {
    const op = (cassandraOptions: unknown) => ({ name: 'm', up: [{ type: 'alterCollectionOptions', collection: 't', options: { cassandraOptions } }], down: [] });
    expect(codes(op({ defaultTTL: 60, gcGraceSeconds: 0, comment: 'x', compaction: { class: 'TimeWindowCompactionStrategy', compaction_window_size: 1 }, compression: { enabled: false } }))).toEqual(
      [],
    );
    expect(codes(op({ defaultTTL: null, gcGraceSeconds: null, comment: null, compression: null }))).toEqual([]);
    expect(codes(op({ defaultTTL: -1 }))).toContain('invalid_option');
    expect(codes(op({ compaction: { min_threshold: 4 } }))).toContain('invalid_option');
    expect(codes(op({ comment: 5 }))).toContain('invalid_option');
    expect(
      validationIssues(op({ clusteringOrder: [] }))
        .map((i) => i.message)
        .join(),
    ).toMatch(/fixed when a Cassandra table is created/);
    expect(codes(op({}))).toContain('empty_change');
  });

  it('previous is what the table has (null where it has the default); down sets it back exactly', async () => {
    const adapter = new MemoryAdapter({ capabilities: { staticColumns: true, optionChanges: ['cassandraOptions'] } });
    await new MigrationEngine(adapter).up(
      migration('create_posts')
        .createCollection('posts', { id: { type: 'uuid', primaryKey: true } }, { cassandraOptions: { partitionKey: ['id'], compaction: { class: 'SizeTieredCompactionStrategy' }, comment: 'old' } })
        .build(),
    );
    const before = await adapter.introspect('posts');
    const resolved = await resolveMigration(adapter, tune());
    const previous = { cassandraOptions: { defaultTTL: null, comment: 'old', compaction: { class: 'SizeTieredCompactionStrategy' } } };
    expect(resolved.up[0]).toMatchObject({ previous });
    expect(inverseOf(resolved.up[0] as never)).toEqual({
      ok: true,
      op: {
        type: 'alterCollectionOptions',
        collection: 'posts',
        options: previous,
        previous: { cassandraOptions: { defaultTTL: 60, comment: 'x', compaction: { class: 'LeveledCompactionStrategy' } } },
      },
    });
    const engine = new MigrationEngine(adapter);
    await engine.up(tune());
    expect((await adapter.introspect('posts'))?.options?.cassandraOptions).toEqual({ partitionKey: ['id'], defaultTTL: 60, comment: 'x', compaction: { class: 'LeveledCompactionStrategy' } });
    await engine.down(tune());
    expect(await adapter.introspect('posts')).toEqual(before);
  });

  it('an adapter that does not list cassandraOptions refuses it before any IO', async () => {
    const adapter = new MemoryAdapter();
    await new MigrationEngine(adapter).up(
      migration('t')
        .createCollection('posts', { id: { type: 'uuid', primaryKey: true } })
        .build(),
    );
    const error = await new MigrationEngine(adapter).up(tune()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toMatch(/alterCollectionOptions cassandraOptions on "posts".*it changes dynamoOptions only/);
  });
});

describe('user-defined types (createType, alterType, dropType)', () => {
  it('validates names and fields; column-only options are refused on a field of a type; alterType makes one change', () => {
    const m = (op: object) => ({ name: 'm', up: [op], down: [] });
    expect(codes(m({ type: 'createType', name: 'address', fields: [{ name: 'city', type: 'text' }] }))).toEqual([]);
    expect(codes(m({ type: 'createType', name: 'address', fields: [] }))).toContain('no_fields');
    expect(codes(m({ type: 'createType', name: 'address', fields: [{ name: 'city', type: 'text', primaryKey: true }] }))).toContain('type_field_option');
    expect(
      codes(
        m({
          type: 'createType',
          name: 'address',
          fields: [
            { name: 'a', type: 'text' },
            { name: 'a', type: 'int' },
          ],
        }),
      ),
    ).toContain('duplicate_field');
    expect(codes(m({ type: 'alterType', name: 'address' }))).toContain('one_type_change');
    expect(codes(m({ type: 'alterType', name: 'address', addField: { name: 'z', type: 'text' }, renameField: { from: 'a', to: 'b' } }))).toContain('one_type_change');
    expect(codes(m({ type: 'dropType', name: 'address', previous: { fields: 'x' } }))).toContain('no_fields');
  });

  it('inverses: createType ↔ dropType with its fields, a rename renames back, an added field has none', () => {
    const fields = [{ name: 'city', type: 'text' as const }];
    const built = migration('types')
      .createType('address', fields)
      .alterType('address', { renameField: { from: 'city', to: 'town' } })
      .build();
    expect(built.down).toEqual([
      { type: 'alterType', name: 'address', renameField: { from: 'town', to: 'city' } },
      { type: 'dropType', name: 'address', previous: { fields } },
    ]);
    expect(inverseOf({ type: 'dropType', name: 'address', previous: { fields } })).toEqual({ ok: true, op: { type: 'createType', name: 'address', fields } });
    expect(
      migration('add')
        .alterType('address', { addField: { name: 'zip', type: 'text' } })
        .build().irreversible,
    ).toMatch(/cannot drop a field/);
  });

  it('an adapter without userTypes refuses them before any IO; a dropType without its fields is refused before any change', async () => {
    const adapter = new MemoryAdapter();
    const error = await new MigrationEngine(adapter).up(migration('t').createType('address', { city: 'text' }).build()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toMatch(/userTypes/);
    expect(adapter.executed).toEqual([]);
    const withIt = new MemoryAdapter({ capabilities: { userTypes: true } });
    const blind = await new MigrationEngine(withIt).up(migration('drop').dropType('address').build()).catch((e: unknown) => e);
    expect((blind as { issues?: { code: string }[] }).issues?.map((i) => i.code)).toEqual(['unreadable']);
    expect(withIt.executed).toEqual([]);
  });
});
