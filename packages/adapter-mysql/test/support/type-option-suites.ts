import { beforeAll, describe, expect, it } from 'vitest';
import { type Adapter, type FieldDefinition, type IndexDefinition, MigrationEngine, type ProgressEvent, migration } from '@ductape/core';
import type { FamilyTarget } from './family-suites.js';
import { serverSession, showCreate as showCreateOf } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

/** Every portable type with every option the MySQL family compiles (issue 24), and what introspection must read back. */
const EVERY: FieldDefinition[] = [
  { name: 'id', type: 'bigint', unsigned: true, primaryKey: true, autoIncrement: true },
  { name: 'n', type: 'integer', unsigned: true, required: true, default: 0 },
  { name: 'ns', type: 'integer' },
  { name: 'sm', type: 'smallint', unsigned: true },
  { name: 'smi', type: 'smallint', default: -1 },
  { name: 'bg', type: 'bigint' },
  { name: 'f', type: 'float' },
  { name: 'd', type: 'double' },
  { name: 'dec', type: 'decimal', precision: 12, scale: 4 },
  { name: 'slug', type: 'string', length: 1000, required: true },
  { name: 'title', type: 'string', length: 200 },
  { name: 'body', type: 'text' },
  { name: 'tt', type: 'text', size: 'tiny' },
  { name: 'rt', type: 'text', size: 'regular' },
  { name: 'mt', type: 'text', size: 'medium' },
  { name: 'lt', type: 'text', size: 'long' },
  { name: 'flag', type: 'boolean', default: false },
  { name: 'day', type: 'date' },
  { name: 'tm0', type: 'time', precision: 0 },
  { name: 'tm3', type: 'time' },
  { name: 'tm6', type: 'time', precision: 6 },
  { name: 'dt0', type: 'datetime', precision: 0, default: { $fn: 'now' } },
  { name: 'dt1', type: 'datetime', precision: 1 },
  { name: 'dt2', type: 'datetime', precision: 2 },
  { name: 'dt4', type: 'datetime', precision: 4 },
  { name: 'dt5', type: 'datetime', precision: 5 },
  { name: 'dtz', type: 'datetime', precision: 6, withTimeZone: true },
  { name: 'ts0', type: 'timestamp', precision: 0, required: true, default: { $fn: 'now' } },
  { name: 'ts3', type: 'timestamp', withTimeZone: false },
  { name: 'ts6', type: 'timestamp', precision: 6 },
  { name: 'js', type: 'json' },
  { name: 'uid', type: 'uuid' },
  { name: 'kind', type: 'enum', enumValues: ['a', 'b'], default: 'a' },
  { name: 'tags', type: 'array', itemType: 'string' },
  { name: 'bin', type: 'binary', length: 16 },
  { name: 'tb', type: 'blob', size: 'tiny' },
  { name: 'rb', type: 'blob', size: 'regular' },
  { name: 'mb', type: 'blob', size: 'medium' },
  { name: 'lb', type: 'blob' },
];

// In the order of their names: a recreated table gets its indexes in the order introspection lists them.
const INDEXES: IndexDefinition[] = [
  {
    name: 'every_bin_mb',
    fields: [
      { name: 'bin', length: 8 },
      { name: 'mb', length: 32 },
    ],
  },
  { name: 'every_mt', fields: [{ name: 'mt', length: 50, order: 'DESC' }] },
  { name: 'every_n_sm', fields: [{ name: 'n' }, { name: 'sm' }] },
  { name: 'every_slug', fields: [{ name: 'slug', length: 191 }], unique: true },
  { name: 'every_title_body', fields: [{ name: 'title' }, { name: 'body', length: 100 }] },
];

/** What introspection reads back: the fields as written, with the options that have a default spelled out. */
function readBack(f: FieldDefinition): FieldDefinition {
  const { withTimeZone: _zone, ...rest } = f; // MySQL has no zoned type: nothing to read back
  const out: Record<string, unknown> = { ...rest };
  if ((f.type === 'text' || f.type === 'blob') && f.size === undefined) out.size = 'long';
  if ((f.type === 'time' || f.type === 'datetime' || f.type === 'timestamp') && f.precision === 3) delete out.precision;
  return out as unknown as FieldDefinition;
}

/**
 * Real-server checks of the MySQL family's type options (issue 24) both adapters run: a 70 KB
 * value fits a plain text column, precision 0 and unsigned integers work, and a table of every
 * type and option (sizes, unsigned, prefixes, precision 0–6, withTimeZone) is created,
 * introspected exactly, dropped and restored by down with the same SHOW CREATE TABLE.
 */
export function typeOptionSuites(target: FamilyTarget): void {
  describe(`${target.label}: type options on the real server (issue 24)`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let adapter: Adapter;
    let engine: MigrationEngine;
    beforeAll(() => {
      ({ db, adapter, engine } = session);
    });
    const showCreate = (table: string) => showCreateOf(db, table);

    it('a 70 KB value fits a plain text column (LONGTEXT), as it fits PostgreSQL text', async () => {
      await engine.up(
        migration('posts')
          .createCollection('posts', { id: { type: 'integer', primaryKey: true }, body: 'text', file: 'blob' })
          .build(),
      );
      const big = 'x'.repeat(70 * 1024);
      await db.query('INSERT INTO `posts` (`id`, `body`, `file`) VALUES (1, ?, ?)', [big, Buffer.alloc(70 * 1024, 1)]);
      const [row] = await db.query('SELECT LENGTH(`body`) AS body, LENGTH(`file`) AS file FROM `posts`');
      expect(row).toEqual({ body: 70 * 1024, file: 70 * 1024 });
      expect(await showCreate('posts')).toMatch(/`body` longtext/);
    });

    it('size regular is the 64 KB TEXT, and the server refuses a 70 KB value there', async () => {
      await engine.up(
        migration('notes')
          .createCollection('notes', { id: { type: 'integer', primaryKey: true }, body: { type: 'text', size: 'regular' } })
          .build(),
      );
      await expect(db.query('INSERT INTO `notes` VALUES (1, ?)', ['x'.repeat(70 * 1024)])).rejects.toThrow(/too long/i);
    });

    it('precision 0: whole seconds, read back as precision 0', async () => {
      await engine.up(
        migration('events')
          .createCollection('events', { id: { type: 'integer', primaryKey: true }, at: { type: 'datetime', precision: 0 }, t: { type: 'time', precision: 0 } })
          .build(),
      );
      await db.query("INSERT INTO `events` VALUES (1, '2024-01-02 03:04:05.678', '01:02:03.9')");
      // MySQL rounds the fraction, MariaDB cuts it: whole seconds either way.
      const [row] = await db.query('SELECT CAST(`at` AS CHAR) AS at, CAST(`t` AS CHAR) AS t FROM `events`');
      expect(row).toMatchObject({ at: expect.stringMatching(/^2024-01-02 03:04:0[56]$/), t: expect.stringMatching(/^01:02:0[34]$/) });
      expect((await adapter.introspect('events'))?.fields.slice(1)).toEqual([
        { name: 'at', type: 'datetime', precision: 0 },
        { name: 't', type: 'time', precision: 0 },
      ]);
    });

    it('unsigned: the whole positive range, negatives refused by the server', async () => {
      await engine.up(
        migration('counters')
          .createCollection('counters', { id: { type: 'integer', primaryKey: true, unsigned: true }, hits: { type: 'bigint', unsigned: true } })
          .build(),
      );
      await db.query("INSERT INTO `counters` VALUES (4294967295, '18446744073709551615')");
      await expect(db.query('INSERT INTO `counters` VALUES (1, -1)')).rejects.toThrow(/out of range/i);
      expect((await adapter.introspect('counters'))?.fields).toEqual([
        { name: 'id', type: 'integer', unsigned: true, primaryKey: true },
        { name: 'hits', type: 'bigint', unsigned: true },
      ]);
    });

    it('a table of every type and option: introspected exactly, dropped, and restored by down with the same SHOW CREATE TABLE', async () => {
      let b = migration('every').createCollection('every', EVERY);
      for (const { name, fields, ...options } of INDEXES) b = b.createIndex('every', name, [...fields], options);
      const create = b.build();
      await engine.up(create);
      const before = await showCreate('every');
      expect(before).toContain('`slug`(191)');
      expect(before).toMatch(/`id` bigint(\(20\))? unsigned NOT NULL AUTO_INCREMENT/);
      expect(before).toMatch(/`dt0` datetime DEFAULT (current_timestamp\(\)|CURRENT_TIMESTAMP),/);
      const snapshot = await adapter.introspect('every');
      expect(snapshot?.fields).toEqual(EVERY.map(readBack));
      expect(new Map((snapshot?.indexes ?? []).map((i) => [i.name, i.fields]))).toEqual(new Map(INDEXES.map((i) => [i.name, i.fields])));

      // The builder's drop carries no previous: the engine reads it from the database and records it.
      const drop = migration('drop_every').dropCollection('every').build();
      await engine.up(drop);
      expect(await adapter.introspect('every')).toBeUndefined();
      await engine.down(drop);
      expect(await showCreate('every')).toBe(before);
      expect((await adapter.introspect('every'))?.fields).toEqual(snapshot?.fields);

      // And down of the create, then the create again, gives the same table too.
      await engine.down(create);
      expect(await adapter.introspect('every')).toBeUndefined();
      await engine.up(create);
      expect(await showCreate('every')).toBe(before);
    });

    it('a warning or note the server raises on a DDL statement is shown in the run output and recorded with the step in history', async () => {
      const events: ProgressEvent[] = [];
      const noisy = target.adapter(db.url, false);
      await noisy.connect();
      try {
        // The table exists: MariaDB and MySQL answer with Note 1050, not an error.
        const m = migration('create_again').raw('mysql', 'CREATE TABLE IF NOT EXISTS `posts` (`id` INT NOT NULL PRIMARY KEY)', { down: 'SELECT 1' }).build();
        await new MigrationEngine(noisy, { onProgress: (e) => events.push(e) }).up(m);
        const note = expect.stringMatching(/^Note 1050: Table 'posts' already exists$/);
        expect(events.filter((e) => e.type === 'step:warning')).toEqual([expect.objectContaining({ name: 'create_again', index: 0, message: note })]);
        // Read back by a fresh engine (the row as stored, not the one in memory).
        const row = (await new MigrationEngine(noisy).getHistory()).find((r) => r.name === 'create_again');
        expect(row?.warnings).toEqual([{ step: 0, summary: expect.any(String), message: note }]);
        await new MigrationEngine(noisy).down(m);
      } finally {
        await noisy.close();
      }
    });

    it('each sized, unsigned and precision-0 column dropped comes back identical with down', async () => {
      const before = await showCreate('every');
      const names = ['n', 'sm', 'tt', 'rt', 'mt', 'lt', 'tm0', 'dt0', 'ts0', 'tb', 'rb', 'mb', 'lb'];
      let m = migration('drop_every_columns');
      for (const n of names) m = m.dropField('every', n);
      const drop = m.build();
      await engine.up(drop);
      await engine.down(drop);
      const fields = new Map((await adapter.introspect('every'))?.fields.map((f) => [f.name, f]));
      for (const f of EVERY.filter((e) => names.includes(e.name))) expect(fields.get(f.name), f.name).toEqual(readBack(f));
      // Re-added columns come last: compare each column's line.
      const line = (text: string, n: string) => text.split('\n').find((l) => l.trim().startsWith(`\`${n}\` `));
      const after = await showCreate('every');
      for (const n of names) expect(line(after, n), n).toBe(line(before, n));
    });
  });
}
