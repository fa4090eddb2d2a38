import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { MigrationEngine, ValidationError, migration } from '@ductape/core';
import { PostgresAdapter } from '../../src/index.js';

const ENUMS = `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
  WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`;

// Issue 25 on embedded PGlite (the sdk's default): enum types made, added to, rebuilt and dropped;
// inet/tsvector/generated columns read back; citext refused without its extension (PGlite has none loaded).
describe('postgres (PGlite): native types (issue 25)', () => {
  let instance: PGlite;
  let adapter: PostgresAdapter;
  let engine: MigrationEngine;
  let seq = 0;
  const at = (): Date => new Date(Date.UTC(2026, 0, 1, 0, seq++));
  const enums = async () => (await instance.query<Record<string, unknown>>(ENUMS)).rows.map((r) => ({ name: r.name, values: [...(r.values as string[])] }));

  beforeAll(async () => {
    instance = await PGlite.create();
    adapter = new PostgresAdapter({ pglite: { instance } });
    await adapter.connect();
    engine = new MigrationEngine(adapter);
  });
  afterAll(async () => {
    await adapter?.close();
    await instance?.close();
  });

  it('an enum type is created, gains a value used in the same migration, loses it on down, and goes with its table', async () => {
    const create = migration('tickets')
      .at(at())
      .createCollection('tickets', {
        id: { type: 'integer', primaryKey: true },
        state: { type: 'enum', enumValues: ['open', 'closed'], enumType: 'ticket_state', default: 'open' },
        ip: 'inet',
        title: 'text',
        doc: { type: 'tsvector', generatedAs: "to_tsvector('simple', coalesce(title, ''))" },
      })
      .build();
    await engine.up(create);
    expect(await enums()).toEqual([{ name: 'ticket_state', values: ['open', 'closed'] }]);
    expect((await adapter.introspect('tickets'))?.fields.slice(1)).toEqual([
      { name: 'state', type: 'enum', enumValues: ['open', 'closed'], enumType: 'ticket_state', default: 'open' },
      { name: 'ip', type: 'inet' },
      { name: 'title', type: 'text' },
      { name: 'doc', type: 'tsvector', generatedAs: "to_tsvector('simple'::regconfig, COALESCE(title, ''::text))" },
    ]);
    const add = migration('pending')
      .at(at())
      .modifyField('tickets', 'state', { enumValues: ['open', 'pending', 'closed'], default: 'pending' })
      .build();
    await engine.up(add);
    expect(await enums()).toEqual([{ name: 'ticket_state', values: ['open', 'pending', 'closed'] }]);
    await engine.down(add);
    expect(await enums()).toEqual([{ name: 'ticket_state', values: ['open', 'closed'] }]);
    await engine.down(create);
    expect(await enums()).toEqual([]);
  });

  it('two tables sharing a type change its values in one migration: the second finds them there; the down rebuilds once more', async () => {
    const shared = { type: 'enum' as const, enumValues: ['a', 'b'], enumType: 'shared_kind' };
    const create = migration('shared')
      .at(at())
      .createCollection('s1', { id: { type: 'integer', primaryKey: true }, k: shared })
      .createCollection('s2', { id: { type: 'integer', primaryKey: true }, k: shared })
      .build();
    await engine.up(create);
    const both = migration('both')
      .at(at())
      .modifyField('s1', 'k', { enumValues: ['a', 'b', 'c'] })
      .modifyField('s2', 'k', { enumValues: ['a', 'b', 'c'] })
      .build();
    await engine.up(both);
    expect((await adapter.introspect('s2'))?.fields[1]).toEqual({ name: 'k', ...shared, enumValues: ['a', 'b', 'c'] });
    await engine.down(both);
    expect(await enums()).toEqual([{ name: 'shared_kind', values: ['a', 'b'] }]);
    await engine.down(create);
    expect(await enums()).toEqual([]);
  });

  it('citext is refused before any IO when the extension is missing', async () => {
    const m = migration('emails')
      .at(at())
      .createCollection('emails', { id: { type: 'integer', primaryKey: true }, address: 'citext' })
      .build();
    const error = await engine.up(m).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.code).toBe('missing_extension');
    expect((await instance.query("SELECT to_regclass('emails') AS t")).rows[0]).toEqual({ t: null });
  });
});
