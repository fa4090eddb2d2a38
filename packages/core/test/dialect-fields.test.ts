import { describe, expect, it } from 'vitest';
import { type Adapter, type Capabilities, MigrationEngine, UnsupportedOperationError, fieldDialect, migration, validationIssues } from '../src/index.js';
import { assertCapabilities } from '../src/engine/required-capability.js';
import { applyChanges, revertChanges } from '../src/ops/field-changes.js';
import { MemoryAdapter } from '../src/testing.js';

// Issue 25: PostgreSQL enum types (enumType), PostgreSQL's own types, generated columns, and
// native types that say which database they are for (dialect).
const create = (fields: unknown[]) => ({ name: 'm', up: [{ type: 'createCollection', name: 't', fields }], down: [] });
const codes = (m: unknown) => validationIssues(m).map((i) => i.code);

/** An adapter of `rawDialects` with every flag, for assertCapabilities (no IO). */
function adapterOf(name: string, rawDialects: readonly string[]): Adapter {
  const capabilities: Capabilities = {
    transactionalDdl: true,
    renameField: true,
    renameCollection: true,
    modifyField: true,
    dropField: true,
    foreignKeys: true,
    checkConstraints: true,
    uniqueConstraints: true,
    partialIndexes: true,
    concurrentIndex: true,
    rawDialects,
  };
  return { name, capabilities } as unknown as Adapter;
}

describe('dialect-bound fields: validation', () => {
  it('accepts enumType, PostgreSQL types, generatedAs and a native dialect', () => {
    const fields = [
      { name: 'a', type: 'enum', enumValues: ['x', 'y'], enumType: 'kind' },
      { name: 'b', type: 'array', itemType: 'enum', enumValues: ['x'], enumType: 'kind2' },
      { name: 'c', type: 'citext', unique: true, default: 'x' },
      { name: 'd', type: 'inet' },
      { name: 'e', type: 'cidr' },
      { name: 'f', type: 'macaddr' },
      { name: 'g', type: 'tsvector', generatedAs: "to_tsvector('simple', coalesce(h, ''))" },
      { name: 'h', type: 'array', itemType: 'inet' },
      { name: 'i', type: 'native', native: 'set<text>', dialect: 'cassandra' },
    ];
    expect(codes(create(fields))).toEqual([]);
  });

  it.each([
    [{ type: 'text', enumType: 'kind' }, 'enum_type_on_non_enum'],
    [{ type: 'enum', enumValues: ['a'], enumType: ' kind' }, 'invalid_identifier'],
    [{ type: 'array', itemType: 'enum', enumType: 'kind' }, 'enum_without_values'],
    [{ type: 'text', dialect: 'postgresql' }, 'dialect_without_native_type'],
    [{ type: 'native', native: 'citext', dialect: 'Postgres SQL' }, 'invalid_dialect'],
    [{ type: 'text', generatedAs: 'lower(a); DROP TABLE t' }, 'invalid_generated_expression'],
    [{ type: 'text', generatedAs: 'lower(a' }, 'invalid_generated_expression'],
    [{ type: 'text', generatedAs: "'x" }, 'invalid_generated_expression'],
    [{ type: 'text', generatedAs: 'a -- b' }, 'invalid_generated_expression'],
    [{ type: 'text', generatedAs: 'lower(a)', default: 'x' }, 'generated_with_value'],
    [{ type: 'integer', generatedAs: 'a + 1', primaryKey: true }, 'generated_with_value'],
    [{ type: 'inet', default: 5 }, 'default_type_mismatch'],
  ])('refuses %j', (field, code) => {
    expect(codes(create([{ name: 'x', ...field }]))).toContain(code);
  });

  it('a modifyField change may name enumType or drop generatedAs without repeating the type', () => {
    const m = { name: 'm', up: [{ type: 'modifyField', collection: 't', field: 'a', changes: { enumType: 'kind', generatedAs: null } }], down: [] };
    expect(codes(m)).toEqual([]);
  });

  it('leaving a native or enum type drops its dialect or enumType, and going back brings them', () => {
    const prev = { name: 'a', type: 'native' as const, native: 'citext', dialect: 'postgresql' };
    expect(applyChanges(prev, { type: 'text' })).toEqual({ name: 'a', type: 'text' });
    expect(revertChanges({ type: 'text' }, prev)).toEqual({ type: 'native', native: 'citext', dialect: 'postgresql' });
    const e = { name: 'b', type: 'enum' as const, enumValues: ['x'], enumType: 'kind' };
    expect(applyChanges(e, { type: 'text', enumValues: null })).toEqual({ name: 'b', type: 'text' });
    expect(revertChanges({ type: 'text', enumValues: null }, e)).toEqual({ type: 'enum', enumValues: ['x'], enumType: 'kind' });
  });
});

describe('dialect-bound fields: refused before any IO by an adapter of another dialect', () => {
  it('fieldDialect says which database a field is bound to', () => {
    expect(fieldDialect({ type: 'citext' })).toBe('postgresql');
    expect(fieldDialect({ type: 'array', itemType: 'macaddr' })).toBe('postgresql');
    expect(fieldDialect({ type: 'text', generatedAs: 'lower(a)' })).toBe('postgresql');
    expect(fieldDialect({ type: 'native', native: 'SS', dialect: 'dynamodb' })).toBe('dynamodb');
    expect(fieldDialect({ type: 'native', native: 'tsvector' })).toBeUndefined();
    expect(fieldDialect({ type: 'enum', enumType: 'kind' })).toBeUndefined();
  });

  const mysql = adapterOf('mysql', ['mysql']);
  const mariadb = adapterOf('mariadb', ['mariadb', 'mysql']);
  const cassandra = adapterOf('cassandra', ['cassandra']);
  const postgres = adapterOf('postgres', ['postgresql']);

  it.each([
    ['a PostgreSQL type', { type: 'citext' }, /field "f" has the postgresql type "citext", and this adapter runs mysql/],
    ['an array of one', { type: 'array', itemType: 'inet' }, /the postgresql type "inet"/],
    ['a generated column', { type: 'text', generatedAs: 'lower(a)' }, /generated column/],
    ['a native type of another dialect', { type: 'native', native: 'set<text>', dialect: 'cassandra' }, /native type "set<text>" declared for cassandra, and this adapter runs mysql/],
  ])('MySQL refuses %s, naming both dialects', (_what, field, message) => {
    const m = migration('m')
      .createCollection('t', { id: { type: 'integer', primaryKey: true }, f: field as never })
      .build();
    expect(() => assertCapabilities(mysql, m.up, m.name)).toThrow(UnsupportedOperationError);
    expect(() => assertCapabilities(mysql, m.up, m.name)).toThrow(message);
    const added = migration('m2')
      .addField('t', 'f', field as never)
      .build();
    expect(() => assertCapabilities(mysql, added.up, added.name)).toThrow(UnsupportedOperationError);
  });

  it('the adapter of the dialect runs them; MariaDB runs MySQL native types (its rawDialects)', () => {
    const pg = migration('m')
      .createCollection('t', { id: { type: 'integer', primaryKey: true }, e: 'citext', g: { type: 'text', generatedAs: 'lower(e)' } })
      .build();
    expect(() => assertCapabilities(postgres, pg.up)).not.toThrow();
    const my = migration('m')
      .createCollection('t', { id: { type: 'integer', primaryKey: true }, s: { type: 'native', native: 'mediumtext', dialect: 'mysql' } })
      .build();
    expect(() => assertCapabilities(mysql, my.up)).not.toThrow();
    expect(() => assertCapabilities(mariadb, my.up)).not.toThrow();
    expect(() => assertCapabilities(cassandra, my.up)).toThrow(/declared for mysql, and this adapter runs cassandra/);
    expect(() => assertCapabilities(postgres, my.up)).toThrow(/declared for mysql, and this adapter runs postgresql/);
    // Without a dialect a native type is for any database (each adapter checks its grammar).
    const any = migration('m')
      .createCollection('t', { id: { type: 'integer', primaryKey: true }, s: { type: 'native', native: 'mediumtext' } })
      .build();
    expect(() => assertCapabilities(postgres, any.up)).not.toThrow();
  });

  it('a modifyField to a type of another dialect is refused, with or without previous', () => {
    const m = migration('m').modifyField('t', 'a', { type: 'native', native: 'counter', dialect: 'cassandra' }).build();
    expect(() => assertCapabilities(postgres, m.up)).toThrow(/declared for cassandra/);
    const withPrev = migration('m')
      .modifyField('t', 'a', { type: 'inet' }, { previous: { name: 'a', type: 'text' } })
      .build();
    expect(() => assertCapabilities(mysql, withPrev.up)).toThrow(/postgresql type "inet"/);
  });

  it('the engine refuses before any IO: the memory adapter is left untouched', async () => {
    const adapter = new MemoryAdapter();
    const m = migration('pg_only')
      .createCollection('t', { id: { type: 'integer', primaryKey: true }, ip: 'inet' })
      .build();
    await expect(new MigrationEngine(adapter).up(m)).rejects.toThrow(UnsupportedOperationError);
    expect(await adapter.introspect('t')).toBeUndefined();
    expect(await adapter.history.list()).toEqual([]);
  });
});
