import { describe, expect, it } from 'vitest';
import { type Migration, UnsupportedOperationError, ValidationError, migration } from '@ductape/core';
import { hosts, useServerAdapter } from '../support/cassandra.js';

// Issue 25: Cassandra's own types and options as first-class declarations, compared with
// system_schema read directly after up, down and up again.

type Ctx = ReturnType<ReturnType<typeof useServerAdapter>>;

/** The keyspace's schema as system_schema holds it (user tables, their columns and indexes, UDTs), without the table ids a re-creation changes. */
interface Catalog {
  readonly tables: Record<string, unknown>[];
  readonly columns: Record<string, unknown>[];
  readonly indexes: Record<string, unknown>[];
  readonly types: Record<string, unknown>[];
}

async function catalog(c: Ctx): Promise<Catalog> {
  const ks = [c.keyspace];
  const read = async (cql: string): Promise<Record<string, unknown>[]> =>
    (await c.adapter.driver.execute(cql, ks)).rows
      .map((r) =>
        Object.fromEntries(
          r
            .keys()
            .filter((k) => k !== 'id')
            .map((k) => [k, normal(r.get(k))]),
        ),
      )
      .filter((r) => !String(r.table_name ?? '').startsWith('_ductape'));
  return {
    tables: await read('SELECT * FROM system_schema.tables WHERE keyspace_name = ?'),
    columns: await read('SELECT * FROM system_schema.columns WHERE keyspace_name = ?'),
    indexes: await read('SELECT * FROM system_schema.indexes WHERE keyspace_name = ?'),
    types: await read('SELECT * FROM system_schema.types WHERE keyspace_name = ?'),
  };
}

function normal(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(normal);
  if (v instanceof Set) return [...v].map(normal);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), normal(x)]));
  if (Buffer.isBuffer(v)) return v.toString('hex');
  if (typeof v === 'object') return v.constructor === Object ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normal(x)])) : String(v);
  return v;
}

const social = (): Migration =>
  migration('social_schema')
    .createType('address', { street: 'text', city: 'text' })
    .createCollection(
      'posts',
      {
        author: 'uuid',
        id: { type: 'native', native: 'timeuuid' },
        author_name: { type: 'text', static: true },
        title: 'text',
        tags: { type: 'native', native: 'set<text>' },
        meta: { type: 'native', native: 'map<text, int>' },
        home: { type: 'native', native: 'frozen<address>' },
        embedding: { type: 'native', native: 'vector<float, 3>' },
      },
      { cassandraOptions: { partitionKey: ['author'], clusteringColumns: ['id'], clusteringOrder: [{ column: 'id', order: 'DESC' }] } },
    )
    .createIndex('posts', 'posts_embedding', [{ name: 'embedding' }], { similarityFunction: 'cosine' })
    .createCollection('page_views', { page: { type: 'text', primaryKey: true }, views: { type: 'native', native: 'counter' } })
    .build();

const tune = (): Migration =>
  migration('tune_events')
    .alterCollectionOptions('events', {
      cassandraOptions: {
        defaultTTL: 86_400,
        gcGraceSeconds: 3_600,
        comment: "events by day, newest first (it's)",
        compaction: { class: 'LeveledCompactionStrategy', sstable_size_in_mb: 160 },
        compression: { class: 'ZstdCompressor', chunk_length_in_kb: 64 },
      },
    })
    .build();

describe.skipIf(!hosts)('Cassandra types and table options: up, down, up with system_schema identical', () => {
  const ctx = useServerAdapter('types');

  it('counter, set, map, frozen UDT, static, timeuuid clustering and a vector index round-trip through up, down and up', async () => {
    const c = ctx();
    const empty = await catalog(c);
    const m = social();
    await c.engine.up(m);
    const first = await catalog(c);
    expect([first.tables.length, first.columns.length, first.indexes.length, first.types.length]).toEqual([2, 10, 1, 1]);
    const posts = first.columns.filter((r) => (r as { table_name: string }).table_name === 'posts');
    const byName = Object.fromEntries(posts.map((r) => [(r as { column_name: string }).column_name, r as { type: string; kind: string; clustering_order: string }]));
    expect(byName.id).toMatchObject({ type: 'timeuuid', kind: 'clustering', clustering_order: 'desc' });
    expect(byName.author_name).toMatchObject({ type: 'text', kind: 'static' });
    expect(byName.tags?.type).toBe('set<text>');
    expect(byName.meta?.type).toBe('map<text, int>');
    expect(byName.home?.type).toBe('frozen<address>');
    expect(byName.embedding?.type).toBe('vector<float, 3>');
    expect(first.columns.find((r) => (r as { column_name: string }).column_name === 'views')).toMatchObject({ type: 'counter', kind: 'regular' });
    expect(first.indexes).toEqual([expect.objectContaining({ index_name: 'posts_embedding', options: expect.objectContaining({ similarity_function: 'COSINE', target: 'embedding' }) })]);
    expect(first.types).toEqual([expect.objectContaining({ type_name: 'address', field_names: ['street', 'city'], field_types: ['text', 'text'] })]);

    // What the types mean: newest first by the timeuuid, one author_name per partition, ANN search, counting.
    const d = c.adapter.driver;
    const author = '5b6962dd-3f90-4c93-8f61-eabfb4a803e2';
    for (const title of ['one', 'two', 'three']) {
      // The driver cannot bind a vector from an array: the (test's own, numeric) literal is in the text.
      await d.execute(`INSERT INTO "${c.keyspace}".posts (author, id, title, author_name, embedding) VALUES (?, now(), ?, ?, [${title.length}, 1, 0])`, [author, title, `by ${title}`], true);
    }
    const rows = (await d.execute(`SELECT title, author_name FROM "${c.keyspace}".posts WHERE author = ?`, [author], true)).rows;
    expect(rows.map((r) => r.get('title'))).toEqual(['three', 'two', 'one']);
    expect(new Set(rows.map((r) => r.get('author_name')))).toEqual(new Set(['by three']));
    const nearest = (await d.execute(`SELECT title FROM "${c.keyspace}".posts ORDER BY embedding ANN OF [5, 1, 0] LIMIT 1`, [], true)).rows;
    expect(nearest.map((r) => r.get('title'))).toEqual(['three']);
    await d.execute(`UPDATE "${c.keyspace}".page_views SET views = views + 2 WHERE page = ?`, ['/'], true);
    expect(String((await d.execute(`SELECT views FROM "${c.keyspace}".page_views WHERE page = ?`, ['/'], true)).first()?.get('views'))).toBe('2');

    // Introspection reads each type back exactly.
    const snap = await c.adapter.introspect('posts');
    expect(snap?.fields).toEqual([
      { name: 'author', type: 'uuid', primaryKey: true },
      { name: 'id', type: 'native', native: 'timeuuid', primaryKey: true },
      { name: 'author_name', type: 'text', static: true },
      { name: 'title', type: 'text' },
      { name: 'tags', type: 'native', native: 'set<text>' },
      { name: 'meta', type: 'native', native: 'map<text, int>' },
      { name: 'home', type: 'native', native: 'frozen<address>' },
      { name: 'embedding', type: 'native', native: 'vector<float, 3>' },
    ]);
    expect(snap?.indexes).toEqual([{ name: 'posts_embedding', fields: [{ name: 'embedding' }], using: 'sai', similarityFunction: 'cosine' }]);
    expect((await c.adapter.introspect('page_views'))?.fields).toEqual([
      { name: 'page', type: 'text', primaryKey: true },
      { name: 'views', type: 'native', native: 'counter' },
    ]);

    await c.engine.down(m);
    expect(await catalog(c)).toEqual(empty);
    await c.engine.up(m);
    expect(await catalog(c)).toEqual(first);

    // Dropped with its snapshot and restored: the same columns, kinds and index.
    const drop = migration('drop_posts')
      .operation({ type: 'dropCollection', name: 'posts', previous: await c.adapter.introspect('posts') })
      .build();
    await c.engine.up(drop);
    await c.engine.down(drop);
    expect(await catalog(c)).toEqual(first);
  });

  it('table options of an existing table: up sets them, down sets back what system_schema had, up again is identical', async () => {
    const c = ctx();
    await c.engine.up(
      migration('create_events')
        .createCollection('events', { day: 'date', at: { type: 'native', native: 'timeuuid' }, what: 'text' }, { cassandraOptions: { partitionKey: ['day'], clusteringColumns: ['at'] } })
        .build(),
    );
    const before = await catalog(c);
    const m = tune();
    await c.engine.up(m);
    const after = await catalog(c);
    const events = after.tables.find((t) => (t as { table_name: string }).table_name === 'events') as Record<string, unknown>;
    expect(events).toMatchObject({
      default_time_to_live: 86_400,
      gc_grace_seconds: 3_600,
      comment: "events by day, newest first (it's)",
      compaction: expect.objectContaining({ class: 'org.apache.cassandra.db.compaction.LeveledCompactionStrategy', sstable_size_in_mb: '160' }),
      compression: expect.objectContaining({ class: 'org.apache.cassandra.io.compress.ZstdCompressor', chunk_length_in_kb: '64' }),
    });
    expect(before).not.toEqual(after);
    const row = (await c.engine.getHistory()).find((h) => h.name === 'tune_events');
    expect(row?.migration.up[0]).toMatchObject({ previous: { cassandraOptions: { defaultTTL: null, gcGraceSeconds: null, comment: null, compression: null } } });
    await c.engine.down(m);
    expect(await catalog(c)).toEqual(before);
    await c.engine.up(m);
    expect(await catalog(c)).toEqual(after);
    await c.engine.down(m);
  });

  it('user-defined types: createType, alterType (rename, add) and dropType with their inverses, compared with system_schema.types', async () => {
    const c = ctx();
    const types = async () =>
      (await c.adapter.driver.execute('SELECT type_name, field_names, field_types FROM system_schema.types WHERE keyspace_name = ?', [c.keyspace])).rows
        .map((r) => ({ name: r.get('type_name') as string, fields: r.get('field_names') as string[], types: r.get('field_types') as string[] }))
        .filter((t) => t.name !== 'address');
    const create = migration('create_point')
      .createType('point', { x: 'double', y: 'double', tags: { type: 'native', native: 'frozen<set<text>>' } })
      .build();
    await c.engine.up(create);
    expect(await types()).toEqual([{ name: 'point', fields: ['x', 'y', 'tags'], types: ['double', 'double', 'frozen<set<text>>'] }]);
    const rename = migration('rename_point_x')
      .alterType('point', { renameField: { from: 'x', to: 'lon' } })
      .build();
    await c.engine.up(rename);
    expect((await types())[0]?.fields).toEqual(['lon', 'y', 'tags']);
    await c.engine.down(rename);
    expect((await types())[0]?.fields).toEqual(['x', 'y', 'tags']);
    // Adding a field has no inverse (Cassandra cannot drop one): up runs, down is refused as irreversible.
    const add = migration('add_point_z')
      .alterType('point', { addField: { name: 'z', type: 'double' } })
      .build();
    expect(add.irreversible).toMatch(/cannot drop a field of a user-defined type/);
    await c.engine.up(add);
    expect((await types())[0]).toEqual({ name: 'point', fields: ['x', 'y', 'tags', 'z'], types: ['double', 'double', 'frozen<set<text>>', 'double'] });
    const drop = migration('drop_point')
      .dropType('point', {
        previous: {
          fields: [
            { name: 'x', type: 'double' },
            { name: 'y', type: 'double' },
            { name: 'tags', type: 'native', native: 'frozen<set<text>>' },
            { name: 'z', type: 'double' },
          ],
        },
      })
      .build();
    await c.engine.up(drop);
    expect(await types()).toEqual([]);
    await c.engine.down(drop);
    expect(await types()).toEqual([{ name: 'point', fields: ['x', 'y', 'tags', 'z'], types: ['double', 'double', 'frozen<set<text>>', 'double'] }]);
    // Without its fields a dropType is refused before any change (they are not introspected).
    await expect(c.engine.up(migration('drop_point_blind').dropType('point').build())).rejects.toBeInstanceOf(ValidationError);
    expect(await types()).toHaveLength(1);
  });

  it('refused before any IO against the live schema: a regular column on the counter table, a counter on a regular table, a static column without clustering, a vector index on a non-vector column', async () => {
    const c = ctx();
    await c.engine.up(
      migration('create_live')
        .createCollection('clicks', { url: { type: 'text', primaryKey: true }, n: { type: 'native', native: 'counter' } })
        .createCollection('notes', { id: { type: 'uuid', primaryKey: true }, body: 'text' })
        .build(),
    );
    const before = await catalog(c);
    const attempts = [
      migration('note_on_counter').addField('clicks', { name: 'note', type: 'text' }).build(),
      migration('counter_on_notes').addField('notes', { name: 'hits', type: 'native', native: 'counter' }).build(),
      migration('static_on_flat').addField('notes', { name: 'owner', type: 'text', static: true }).build(),
      migration('vector_on_text')
        .createIndex('notes', 'notes_body_vec', [{ name: 'body' }], { similarityFunction: 'euclidean' })
        .build(),
    ];
    for (const m of attempts) {
      const error = await c.engine.up(m).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `${m.name}: ${String((error as Error | undefined)?.message)}`).toBeInstanceOf(ValidationError);
    }
    const names = (await c.engine.getHistory()).map((h) => h.name);
    for (const m of attempts) expect(names).not.toContain(m.name);
    expect(await catalog(c)).toEqual(before);
    // And a counter table with a regular column is refused at plan time, nothing created.
    const bad = migration('bad_counter')
      .createCollection('bad_counts', { k: { type: 'text', primaryKey: true }, n: { type: 'native', native: 'counter' }, note: 'text' })
      .build();
    await expect(c.engine.up(bad)).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(await catalog(c)).toEqual(before);
  });
});
