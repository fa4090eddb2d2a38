import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrationEngine, ValidationError, migration, uniqueKeyName, type Migration, type Step } from '@ductape/core';
import { PostgresAdapter, compilePostgres } from '../../src/index.js';
import { relationConflicts } from '../../src/preflight/relation-walk.js';
import type { LiveRelation } from '../../src/preflight/live-relation.js';

// Index and key names are relations, unique per schema (roundTrip finding, PostgreSQL full run):
// preflight replays the names the steps create, free and rename over the live catalog. On PGlite,
// the same query and walk as on a server; the exactness cases (never refuse what PostgreSQL runs).
describe('postgres (PGlite): relation names are unique per schema', () => {
  let instance: PGlite;
  let adapter: PostgresAdapter;
  let engine: MigrationEngine;
  const run = async (text: string): Promise<Record<string, unknown>[]> => ((await instance.exec(text)).at(-1)?.rows ?? []) as Record<string, unknown>[];
  const history = async (): Promise<string[]> => (await run("SELECT name || ':' || status AS r FROM _ductape_migrations ORDER BY id")).map((r) => String(r.r));
  const refused = async (m: Migration, direction: 'up' | 'down' = 'up'): Promise<ValidationError> => {
    const error = await (direction === 'up' ? engine.up(m) : engine.down(m)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  };
  const applied = async (m: Migration): Promise<void> => {
    expect((await engine.up(m)).outcome).toBe('applied');
  };

  beforeEach(async () => {
    instance = await PGlite.create();
    adapter = new PostgresAdapter({ pglite: { instance } });
    await adapter.connect();
    engine = new MigrationEngine(adapter);
    await applied(
      migration('tables')
        .createCollection('a', { id: { type: 'integer', primaryKey: true }, x: 'integer' })
        .createCollection('b', { id: { type: 'integer', primaryKey: true } })
        .createIndex('a', 'x_uq', ['x'])
        .build(),
    );
  });
  afterEach(async () => {
    await adapter.close();
    await instance.close();
  });

  it('refuses a unique constraint named like another table’s index: no history row, no change', async () => {
    const error = await refused(
      migration('b_unique')
        .addField('b', 'y', 'integer')
        .addConstraint('b', { name: 'x_uq', type: 'unique', columns: ['y'] })
        .build(),
    );
    expect(error.issues).toEqual([{ code: 'relation_exists', path: 'up[1]', message: expect.stringContaining('relation "x_uq" already exists in schema "public" (an index of table "a")') }]);
    expect(await history()).toEqual(['tables:applied']);
    expect(await run(`SELECT 1 FROM information_schema.columns WHERE table_name = 'b' AND column_name = 'y'`)).toEqual([]);
  });

  it('refuses a unique field, a modifyField unique and a same-migration clash, naming what holds the name', async () => {
    await run('CREATE INDEX b_y_key ON a (x); CREATE SEQUENCE b_id_key');
    expect((await refused(migration('f').addField('b', 'y', { type: 'integer', unique: true }).build())).issues[0]?.message).toContain('(an index of table "a")');
    const seq = await refused(migration('m').modifyField('b', 'id', { unique: true }).build());
    expect(seq.issues[0]?.message).toContain('(a sequence)');
    const twice = await refused(migration('twice').createIndex('a', 'b_z_key', ['x']).addField('b', 'z', { type: 'integer', unique: true }).build());
    expect(twice.issues).toEqual([{ code: 'relation_exists', path: 'up[1]', message: expect.stringContaining('(an index of table "a", created by up[0] of this migration)') }]);
    expect(await history()).toEqual(['tables:applied']);
  });

  it('uses the exact names the compiler emits: case-sensitive, and a long name cut with a hash', async () => {
    await applied(migration('upper').createIndex('b', 'X_UQ', ['id']).build());
    const long = `t${'x'.repeat(50)}`;
    const cut = uniqueKeyName(long, 'column_with_a_long_name');
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(63);
    await applied(migration('long').createCollection(long, { id: 'integer' }).build());
    await run(`CREATE INDEX "${cut}" ON a (x)`);
    const error = await refused(migration('long_unique').addField(long, 'column_with_a_long_name', { type: 'integer', unique: true }).build());
    expect(error.issues[0]?.message).toContain(`relation "${cut}" already exists`);
  });

  it('accepts names freed earlier in the migration: a dropped column’s index, a dropped table’s keys and serial sequence, a renamed-then-dropped column', async () => {
    await run('CREATE TABLE s (id serial PRIMARY KEY, v integer, w integer); CREATE INDEX s_v ON s (v); CREATE INDEX s_w ON s (w)');
    await applied(
      migration('reuse')
        .dropField('a', 'x')
        .createIndex('b', 'x_uq', ['id'])
        .renameField('s', 'w', 'w2')
        .dropField('s', 'w2')
        .createIndex('b', 's_w', ['id'])
        .dropCollection('s')
        .createIndex('b', 's_v', ['id'])
        .createIndex('b', 's_id_seq', ['id'])
        .addField('b', 'z', 'integer')
        .addConstraint('b', { name: 's_pkey', type: 'unique', columns: ['z'] })
        .build(),
    );
    const names = await run(`SELECT indexname::text AS n FROM pg_indexes WHERE tablename = 'b' ORDER BY 1`);
    expect(names).toEqual(['b_pkey', 's_id_seq', 's_pkey', 's_v', 's_w', 'x_uq'].map((n) => ({ n })));
  });

  it('accepts a CHECK or FOREIGN KEY name reused across tables or named like an index, and a table renamed after its name is freed', async () => {
    await applied(
      migration('checks')
        .addConstraint('a', { name: 'ck', type: 'check', expression: 'id > 0' })
        .addConstraint('b', { name: 'ck', type: 'check', expression: 'id > 0' })
        .addConstraint('b', { name: 'x_uq', type: 'check', expression: 'id < 10' })
        .addConstraint('a', { name: 'fk', type: 'foreignKey', columns: ['x'], references: { table: 'b', columns: ['id'] } })
        .addConstraint('b', { name: 'fk', type: 'foreignKey', columns: ['id'], references: { table: 'a', columns: ['id'] } })
        .build(),
    );
    await applied(migration('rename').dropIndex('a', 'x_uq').renameCollection('b', 'x_uq').build());
  });

  it('refuses a rename into a taken name, and checks a down too (path down[i])', async () => {
    const rename = await refused(migration('r').renameCollection('b', 'a_pkey').build());
    expect(rename.issues[0]).toMatchObject({ code: 'relation_exists', path: 'up[0]' });
    const move = migration('drop_x_uq').dropIndex('a', 'x_uq').build();
    await applied(move);
    await applied(migration('take').createIndex('b', 'x_uq', ['id']).build());
    const down = await refused(move, 'down');
    expect(down.issues[0]).toMatchObject({ code: 'relation_exists', path: 'down[0]' });
    expect(await history()).toEqual(['tables:applied', 'drop_x_uq:applied', 'take:applied']);
  });

  it('accepts two tables swapping names (their derived keys too) and a unique field dropped and added back', async () => {
    await applied(migration('unique').addField('b', 'u', { type: 'integer', unique: true }).build());
    await applied(migration('swap').renameCollection('a', 'tmp').renameCollection('b', 'a').renameCollection('tmp', 'b').build());
    await applied(migration('again').dropField('a', 'u').addField('a', 'u', { type: 'integer', unique: true }).build());
    const keys = await run(`SELECT indexname::text AS n, tablename::text AS t FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('a', 'b') ORDER BY 1`);
    expect(keys).toEqual([
      { n: 'a_pkey', t: 'a' },
      { n: 'a_u_key', t: 'a' },
      { n: 'b_pkey', t: 'b' },
      { n: 'x_uq', t: 'b' },
    ]);
  });

  it('checks nothing after a raw statement (it may free any name)', async () => {
    await applied(migration('raw').raw('postgresql', 'DROP INDEX x_uq', { down: 'CREATE INDEX x_uq ON a (x)' }).createIndex('b', 'x_uq', ['id']).build());
  });
});

describe('relationConflicts (pure)', () => {
  const m = migration('m').createIndex('b', 'x_uq', ['id']).build();
  const steps = (mig: Migration, options: Record<string, unknown> = {}): Step[] => mig.up.flatMap((op, index) => compilePostgres(op, { migration: mig, direction: 'up', index, options }));
  const index = (over: Partial<LiveRelation>): LiveRelation => ({ name: 'x_uq', kind: 'i', table: 'a', columns: ['x'], key: undefined, valid: true, parent: undefined, ...over });

  it('a CONCURRENTLY build drops an INVALID leftover of its name first, so that is no conflict; a valid one is', () => {
    expect(relationConflicts(steps(m, { online: true }), [index({ valid: false })], 'public')).toEqual([]);
    expect(relationConflicts(steps(m, { online: false }), [index({ valid: false })], 'public')).toHaveLength(1);
    expect(relationConflicts(steps(m, { online: true }), [index({})], 'public')).toHaveLength(1);
  });

  it('a view is perhaps gone after DROP TABLE … CASCADE, so it is not a reason to refuse', () => {
    const cascade = migration('c')
      .dropCollection('t', { cascade: true, previous: { name: 't', fields: [{ name: 'id', type: 'integer' }] } })
      .createIndex('b', 'x_uq', ['id'])
      .build();
    expect(relationConflicts(steps(cascade), [index({ kind: 'v', table: undefined, columns: [] })], 'public')).toEqual([]);
    expect(relationConflicts(steps(m), [index({ kind: 'v', table: undefined, columns: [] })], 'public')[0]?.message).toContain('(a view)');
  });

  it('an unnamed inline primary key is never a conflict (PostgreSQL names it c_pkey1); a named one is', () => {
    const created = migration('c')
      .createCollection('c', { id: { type: 'integer', primaryKey: true } })
      .build();
    expect(relationConflicts(steps(created), [index({ name: 'c_pkey' })], 'public')).toEqual([]);
    const composite = migration('c')
      .createCollection('c', { id: { type: 'integer', primaryKey: true }, k: { type: 'integer', primaryKey: true } })
      .build();
    expect(relationConflicts(steps(composite), [index({ name: 'c_pkey' })], 'public')).toHaveLength(1);
  });

  it('CREATE TABLE IF NOT EXISTS over a taken name creates nothing, so nothing conflicts', () => {
    const ine = migration('c')
      .createCollection('x_uq', { id: { type: 'integer', unique: true } }, { sqlOptions: { ifNotExists: true } })
      .build();
    expect(relationConflicts(steps(ine), [index({})], 'public')).toEqual([]);
  });
});
