import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MigrationEngine, migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { down, dumpCatalog, up } from '../support/derived-renames.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

/** Every column of the schema's tables as pg_attribute has it (name, type, null, default), sorted by name: PostgreSQL has no column position to restore. */
const COLUMNS = `SELECT c.relname::text AS "table", a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull", pg_get_expr(d.adbin, d.adrelid) AS def
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname NOT LIKE '\\_ductape%' ORDER BY 1, 2`;

// Issue 24, "Drops and rollbacks that keep what hangs on a column": a dropField takes the
// column's indexes, unique constraint, foreign keys (from it and to it) and checks with it, and
// its down gives pg_constraint, pg_indexes and the columns back.
describe.skipIf(!server)('postgres (pg server): dropField keeps what hangs on a column (issue 24)', () => {
  let db: TempDatabase;
  let client: pg.Client;
  let adapter: PostgresAdapter;
  let engine: MigrationEngine;
  const run = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];
  const catalog = async () => ({ ...(await dumpCatalog(run)), columns: await run(COLUMNS) });

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'dropdeps');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
    engine = new MigrationEngine(adapter);
  });
  afterAll(async () => {
    await adapter?.close();
    await client?.end();
    await db?.drop();
  });

  it('a column with an index, a unique constraint, an outgoing and an incoming foreign key and a check: down gives the catalog back', async () => {
    await client.query(`
      CREATE TABLE dd_parent (id integer PRIMARY KEY);
      CREATE TABLE dd_child (id integer PRIMARY KEY, pid integer CONSTRAINT dd_child_pid_key UNIQUE CONSTRAINT dd_child_pid_fk REFERENCES dd_parent (id) CONSTRAINT dd_child_pid_ck CHECK (pid > 0), note text);
      CREATE INDEX dd_child_pid_note ON dd_child (pid, note);
      CREATE TABLE dd_grand (id integer PRIMARY KEY, cpid integer CONSTRAINT dd_grand_cpid_fk REFERENCES dd_child (pid) ON DELETE CASCADE);
    `);
    const before = await catalog();
    // Without cascade: refused before any change, naming the other table's foreign key (issue 24 decision).
    const refused = await engine.up(migration('dd_drop_pid').dropField('dd_child', 'pid').build()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'DUCTAPE_VALIDATION', issues: [expect.objectContaining({ code: 'referenced', message: expect.stringContaining('dd_grand.dd_grand_cpid_fk') })] });
    expect((refused as Error).message).toContain('{ cascade: true }');
    expect(await catalog()).toEqual(before);
    expect((await engine.getHistory()).map((h) => h.name)).not.toContain('dd_drop_pid');
    // With cascade: the foreign key is dropped and recorded, and down restores it.
    const m = migration('dd_drop_pid').dropField('dd_child', 'pid', { cascade: true }).build();
    await up(engine, m);
    expect((await run(COLUMNS)).filter((c) => c.table === 'dd_child').map((c) => c.name)).toEqual(['id', 'note']);
    await down(engine, m);
    expect(await catalog()).toEqual(before);
  });

  it('a self-referencing foreign key to the dropped column: dropped with it and restored', async () => {
    await client.query('CREATE TABLE dd_tree (id integer PRIMARY KEY, code integer CONSTRAINT dd_tree_code_key UNIQUE, parent_code integer CONSTRAINT dd_tree_parent_fk REFERENCES dd_tree (code))');
    const before = await catalog();
    const m = migration('dd_drop_code').dropField('dd_tree', 'code').build();
    await up(engine, m);
    await down(engine, m);
    expect(await catalog()).toEqual(before);
  });
});
