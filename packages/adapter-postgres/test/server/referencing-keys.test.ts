import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MigrationEngine, migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { down, dumpCatalog, up } from '../support/derived-renames.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

// roundTrip findings 12 and 13: core drops the foreign keys that reference a dropped table
// explicitly (so its down restores them); the adapter lists them from pg_constraint.
describe.skipIf(!server)('postgres (pg server): referencingKeys', () => {
  let db: TempDatabase;
  let client: pg.Client;
  let adapter: PostgresAdapter;

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'refkeys');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`
      CREATE TABLE "Tags" (id integer PRIMARY KEY, code text CONSTRAINT "Tags_code_key" UNIQUE, parent integer CONSTRAINT "Tags_parent_fkey" REFERENCES "Tags" (id));
      CREATE TABLE posts (id integer PRIMARY KEY, tag integer CONSTRAINT posts_tag_fkey REFERENCES "Tags" (id), code text CONSTRAINT "posts_code_fk" REFERENCES "Tags" (code) ON DELETE CASCADE);
      CREATE TABLE "a ""quoted"" table" (id integer PRIMARY KEY, tag integer CONSTRAINT "q_fk" REFERENCES "Tags" (id));
      CREATE TABLE unrelated (id integer PRIMARY KEY, post integer CONSTRAINT unrelated_post_fkey REFERENCES posts (id));
      CREATE SCHEMA other;
      CREATE TABLE other.elsewhere (id integer PRIMARY KEY, tag integer CONSTRAINT elsewhere_tag_fkey REFERENCES public."Tags" (id));
      CREATE TABLE other."Tags" (id integer PRIMARY KEY);
      CREATE TABLE other.shadow (id integer PRIMARY KEY, tag integer CONSTRAINT shadow_tag_fkey REFERENCES other."Tags" (id));
      CREATE TABLE parted (id integer, tag integer CONSTRAINT parted_tag_fkey REFERENCES "Tags" (id), PRIMARY KEY (id, tag)) PARTITION BY RANGE (id);
      CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (100);
    `);
    adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
  });
  afterAll(async () => {
    await adapter?.close();
    await client?.end();
    await db?.drop();
  });

  it('lists the foreign keys of other tables of its schema that reference the table: not its self-reference, not other schemas, a partitioned key once', async () => {
    expect(await adapter.referencingKeys('Tags')).toEqual([
      { collection: 'a "quoted" table', name: 'q_fk' },
      { collection: 'parted', name: 'parted_tag_fkey' },
      { collection: 'posts', name: 'posts_code_fk' },
      { collection: 'posts', name: 'posts_tag_fkey' },
    ]);
    expect(await adapter.referencingKeys('posts')).toEqual([{ collection: 'unrelated', name: 'unrelated_post_fkey' }]);
    expect(await adapter.referencingKeys('unrelated')).toEqual([]);
    expect(await adapter.referencingKeys('no_such_table')).toEqual([]);
  });

  it('an adapter on another schema sees that schema only', async () => {
    const other = new PostgresAdapter({ url: db.url, schema: 'other' });
    await other.connect();
    try {
      expect(await other.referencingKeys('Tags')).toEqual([{ collection: 'shadow', name: 'shadow_tag_fkey' }]);
    } finally {
      await other.close();
    }
  });

  it('finding 12: a cascading dropCollection of a referenced table takes the other tables’ keys explicitly, so its down restores them', async () => {
    const run = async (text: string): Promise<Record<string, unknown>[]> => (await client.query(text)).rows as Record<string, unknown>[];
    // A partitioned table's foreign key cannot be added NOT VALID, as the online addConstraint does (reported, not fixed here).
    await run('DROP TABLE parted');
    const engine = new MigrationEngine(adapter);
    const before = await dumpCatalog(run);
    const m = migration('drop_tags').at(new Date('2026-01-01T00:00:00Z')).dropCollection('Tags', { cascade: true }).build();
    await up(engine, m);
    expect((await dumpCatalog(run)).constraints.filter((c) => ['posts', 'a "quoted" table', 'parted'].includes(String(c.table)) && c.type === 'f')).toEqual([]);
    await down(engine, m);
    expect(await dumpCatalog(run)).toEqual(before);
  });
});
