import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MigrationEngine, MigrationFailedError, ValidationError, migration, type Migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { type TempDatabase, createTempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

/** Every text the adapter's `pg` clients send (pool and lock connection), while `work` runs. */
async function sent(work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  proto.query = function (this: unknown, q: unknown, ...rest: unknown[]) {
    texts.push(typeof q === 'string' ? q : String((q as { text?: string } | undefined)?.text ?? ''));
    return query.call(this, q, ...rest);
  };
  try {
    await work();
  } finally {
    proto.query = query;
  }
  return texts;
}

const isCatalogRead = (t: string): boolean => /\bpg_class\b/.test(t) && !/_ductape_migrations|advisory/.test(t);

// Issue 22: a migration on PostgreSQL costs the round trips it needs and no more. These counts
// are what a run of the engine sends today; a read, a BEGIN, a RELEASE SAVEPOINT or a COMMIT that
// comes back as a round trip of its own makes them fail.
describe.skipIf(!server)('postgres (pg server): round trips per migration', () => {
  let db: TempDatabase;
  let schema = 0;
  const adapters: PostgresAdapter[] = [];
  async function engineOn(options: { online?: boolean } = {}): Promise<MigrationEngine> {
    const adapter = new PostgresAdapter({ url: db.url, schema: `rt_${++schema}`, ...options });
    adapters.push(adapter);
    await adapter.connect();
    return new MigrationEngine(adapter);
  }
  const tableAndIndex = (i: number): Migration =>
    migration(`m${i}`)
      .at(new Date(Date.UTC(2026, 0, 1, 0, i)))
      .createCollection(`t_${i}`, { id: { type: 'integer', primaryKey: true, autoIncrement: true }, name: 'text' })
      .createIndex(`t_${i}`, `t_${i}_name`, ['name'])
      .build();

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'roundtrips');
  });
  afterEach(async () => {
    for (const a of adapters.splice(0)) await a.close().catch(() => undefined);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('create table + index: 4 per migration (one catalog read, BEGIN with the table, the index, the history row with COMMIT)', async () => {
    const one = await sent(async () => (await engineOn()).upAll([tableAndIndex(0)]));
    const three = await sent(async () => (await engineOn()).upAll([tableAndIndex(0), tableAndIndex(1), tableAndIndex(2)]));
    expect((three.length - one.length) / 2).toBe(4);
    // The run's own: history ensure on a fresh schema (look, create), the lock (taken and named in
    // one, the running-work check), history read, unlock.
    expect(one.length - 4).toBe(6);
    expect(three.filter(isCatalogRead)).toHaveLength(3);
    expect(three.filter((t) => /^\s*(BEGIN|COMMIT|RELEASE SAVEPOINT \w+)\s*;?\s*$/i.test(t))).toEqual([]);
    expect(three.filter((t) => /^BEGIN;/.test(t) && /CREATE TABLE/.test(t))).toHaveLength(3);
    expect(three.filter((t) => /INSERT INTO [^;]*_ductape_migrations[\s\S]*;\s*COMMIT$/.test(t))).toHaveLength(3);
  });

  it('one transaction for a batch: one catalog read for all, the statements, and every history row with the COMMIT', async () => {
    const engine = await engineOn();
    const ms = [0, 1, 2].map(tableAndIndex);
    const texts = await sent(() => engine.upAll(ms, { singleTransaction: true }));
    // The run's own 6 (as above), one read, 2 statements per migration, the rows with the COMMIT.
    expect(texts.length).toBe(6 + 1 + 2 * 3 + 1);
    expect(texts.filter(isCatalogRead)).toHaveLength(1);
    expect(texts.at(-2)).toMatch(/^(INSERT INTO [^\n]*_ductape_migrations[\s\S]*;\n){3}COMMIT$/);
    expect((await engine.getHistory()).map((e) => `${e.name}:${e.status}:${e.stepsApplied}`)).toEqual(['m0:applied:2', 'm1:applied:2', 'm2:applied:2']);
  });

  it('add a column to an existing table + index it (lock-retry steps): 4 per migration, the savepoints inside the statements', async () => {
    const engine = await engineOn({ online: false });
    await engine.up(
      migration('base')
        .createCollection('base', { id: { type: 'integer', primaryKey: true } })
        .build(),
    );
    const ms = [1, 2, 3].map((i) =>
      migration(`add_${i}`)
        .addField('base', { name: `c${i}`, type: 'string', length: 20, nullable: true })
        .createIndex('base', `base_c${i}`, [`c${i}`])
        .build(),
    );
    const texts = await sent(() => engine.upAll(ms));
    // The lock (taken and named in one, the running-work check), history read, unlock: 4; the table is made already.
    expect(texts.length - 4).toBe(4 * 3);
    expect(texts.filter(isCatalogRead)).toHaveLength(3);
    expect(texts.filter((t) => /^SAVEPOINT ductape_step;[\s\S]*;RELEASE SAVEPOINT ductape_step$/.test(t.replace(/^BEGIN;[^\n]*\n/, '')))).toHaveLength(6);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows = (await client.query(`SELECT name, status, steps_applied, migration FROM "rt_${schema}"._ductape_migrations ORDER BY id`)).rows;
      expect(rows.map((r) => `${r.name}:${r.status}:${r.steps_applied}`)).toEqual(['base:applied:1', 'add_1:applied:2', 'add_2:applied:2', 'add_3:applied:2']);
      expect(rows[1].migration).toEqual(JSON.parse(JSON.stringify(ms[0]))); // the history row exact, though sent as literals
    } finally {
      await client.end();
    }
  });

  it('a step failing after the first (BEGIN sent with it) rolls the whole migration back and records it failed; the connection is reused cleanly', async () => {
    const engine = await engineOn();
    const failing = migration('fails').createCollection('kept_out', { id: 'integer' }).raw('postgresql', 'SELECT 1 / 0', { down: 'SELECT 1' }).build();
    const error = await engine.up(failing).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).message).toMatch(/division by zero/);
    const history = await engine.getHistory();
    expect(history.map((e) => `${e.name}:${e.status}:${e.stepsApplied}`)).toEqual(['fails:failed:0']);
    const adapter = adapters[adapters.length - 1] as PostgresAdapter;
    expect((await adapter.introspect('kept_out')) ?? null).toBeNull();
    await engine.up(tableAndIndex(5)); // the pool's connections are out of any transaction
    expect((await engine.getHistory()).map((e) => `${e.name}:${e.status}`)).toEqual(['m5:applied', 'fails:failed']); // apply order: a failed run after the applied ones;
  });

  it('a table made by someone else between two migrations is still refused before any change (nothing read is kept)', async () => {
    const engine = await engineOn();
    const adapter = adapters[adapters.length - 1] as PostgresAdapter;
    await engine.up(tableAndIndex(0));
    await adapter.driver.query(`CREATE TABLE "rt_${schema}"."t_1" (x int)`);
    const error = await engine.up(tableAndIndex(1)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((await engine.getHistory()).map((e) => e.name)).toEqual(['m0']);
    await adapter.driver.query(`CREATE INDEX "t_2_name" ON "rt_${schema}"."t_1" (x)`);
    const preflight = await engine.up(tableAndIndex(2)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(preflight).toBeInstanceOf(ValidationError);
    expect((preflight as ValidationError).issues.map((i) => i.code)).toContain('relation_exists');
    expect((await engine.getHistory()).map((e) => e.name)).toEqual(['m0']);
  });
});
