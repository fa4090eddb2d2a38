import { type FieldDefinition, migration } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { compareCollection } from '../../src/drift/compare.js';
import { driftCoverage } from '../../src/drift/coverage.js';
import { type LintFinding, lintMigrations } from '../../src/lint/lint.js';

// Issue 25: PostgreSQL enum types, PostgreSQL's own types, generated columns and native types
// bound to a dialect, in lint and drift.
const brief = (f: readonly LintFinding[]) => f.map((x) => [x.rule, x.severity, x.op]);
const expected = (...fields: FieldDefinition[]) => ({ dropped: false as const, fields: new Map(fields.map((f) => [f.name, f])) });
const live = (...fields: FieldDefinition[]) => ({ name: 't', fields, indexes: [], constraints: [] });
const pg = driftCoverage({ name: 'postgres', capabilities: { uniqueConstraints: true, foreignKeys: true, checkConstraints: true, rawDialects: ['postgresql'] } as never });
const mysql = driftCoverage({ name: 'mysql', capabilities: { uniqueConstraints: true, foreignKeys: true, checkConstraints: true, rawDialects: ['mysql'] } as never });

describe('lint: native-dialect', () => {
  const m = migration('types')
    .tag('20260101_000000_types')
    .createCollection('hosts', { id: { type: 'integer', primaryKey: true }, ip: 'inet', tags: { type: 'native', native: 'set<text>', dialect: 'cassandra' } })
    .addField('hosts', 'doc', { type: 'text', generatedAs: 'lower(ip::text)' })
    .modifyField('hosts', 'ip', { type: 'native', native: 'counter', dialect: 'cassandra' })
    .build();

  it('flags, for the target dialect, each field bound to another database', () => {
    expect(brief(lintMigrations([m], [], { dialect: 'postgres' }).filter((f) => f.rule === 'native-dialect'))).toEqual([
      ['native-dialect', 'error', 1],
      ['native-dialect', 'error', 3],
    ]);
    const onMysql = lintMigrations([m], [], { dialect: 'mysql' }).filter((f) => f.rule === 'native-dialect');
    expect(brief(onMysql)).toEqual([
      ['native-dialect', 'error', 1],
      ['native-dialect', 'error', 1],
      ['native-dialect', 'error', 2],
      ['native-dialect', 'error', 3],
    ]);
    expect(onMysql[0]?.message).toContain('the postgresql type inet');
    expect(onMysql[1]?.message).toContain('"set<text>" declared for cassandra');
    expect(brief(lintMigrations([m], [], { dialect: 'cassandra' }).filter((f) => f.rule === 'native-dialect'))).toEqual([
      ['native-dialect', 'error', 1],
      ['native-dialect', 'error', 2],
    ]);
  });

  it('says nothing when the dialect is unknown, or for a native type without a dialect', () => {
    expect(lintMigrations([m]).filter((f) => f.rule === 'native-dialect')).toEqual([]);
    const any = migration('any')
      .createCollection('t', { id: { type: 'integer', primaryKey: true }, n: { type: 'native', native: 'mediumtext' } })
      .build();
    expect(lintMigrations([any], [], { dialect: 'postgres' }).filter((f) => f.rule === 'native-dialect')).toEqual([]);
  });
});

describe('lint: enum-type-change (PostgreSQL)', () => {
  const create = migration('orders')
    .tag('20260101_000000_orders')
    .createCollection('orders', { id: { type: 'integer', primaryKey: true }, status: { type: 'enum', enumValues: ['new', 'paid'], enumType: 'order_status' } })
    .build();

  it('warns that added values commit on their own, and that a removal rebuilds the type', () => {
    const add = migration('add')
      .tag('20260101_000001_add')
      .modifyField('orders', 'status', { enumValues: ['new', 'paid', 'shipped'] })
      .build();
    const shrink = migration('shrink')
      .tag('20260101_000002_shrink')
      .modifyField('orders', 'status', { enumValues: ['paid'] })
      .build();
    const found = lintMigrations([create, add, shrink], [], { dialect: 'postgres' }).filter((f) => f.rule === 'enum-type-change');
    expect(found.map((f) => [f.tag.slice(16), f.severity])).toEqual([
      ['add', 'warning'],
      ['shrink', 'warning'],
    ]);
    expect(found[0]?.message).toContain('ADD VALUE, committed on its own');
    expect(found[1]?.message).toContain('rebuilt');
    // Only for PostgreSQL, and not for a CHECK-based enum.
    expect(lintMigrations([create, add], [], { dialect: 'mysql' }).filter((f) => f.rule === 'enum-type-change')).toEqual([]);
    const check = migration('c')
      .createCollection('c', { id: { type: 'integer', primaryKey: true }, s: { type: 'enum', enumValues: ['a'] } })
      .modifyField('c', 's', { enumValues: ['a', 'b'] })
      .build();
    expect(lintMigrations([check], [], { dialect: 'postgres' }).filter((f) => f.rule === 'enum-type-change')).toEqual([]);
  });
});

describe('drift of PostgreSQL types', () => {
  it('an enum type, an array item type and a generated column are compared', () => {
    const status: FieldDefinition = { name: 's', type: 'enum', enumValues: ['a', 'b'], enumType: 'kind' };
    expect(compareCollection('t', expected(status), live(status), pg)).toEqual([]);
    expect(compareCollection('t', expected(status), live({ name: 's', type: 'enum', enumValues: ['a', 'b'] }), pg)).toMatchObject([
      { kind: 'changed-field', expected: 'enum, values a|b, enum type kind, null', actual: 'enum, values a|b, null' },
    ]);
    // MySQL keeps its own ENUM and reads no type name back: no drift there.
    expect(compareCollection('t', expected(status), live({ name: 's', type: 'enum', enumValues: ['a', 'b'] }), mysql)).toEqual([]);
    expect(compareCollection('t', expected({ name: 'i', type: 'array', itemType: 'inet' }), live({ name: 'i', type: 'array', itemType: 'cidr' }), pg)).toHaveLength(1);
    expect(compareCollection('t', expected({ name: 'g', type: 'tsvector', generatedAs: 'to_tsvector(a)' }), live({ name: 'g', type: 'tsvector' }), pg)).toHaveLength(1);
    // The expression's text as PostgreSQL rewrites it is not drift.
    expect(
      compareCollection(
        't',
        expected({ name: 'g', type: 'tsvector', generatedAs: "to_tsvector('simple', a)" }),
        live({ name: 'g', type: 'tsvector', generatedAs: "to_tsvector('simple'::regconfig, a)" }),
        pg,
      ),
    ).toEqual([]);
    expect(compareCollection('t', expected({ name: 'e', type: 'citext' }), live({ name: 'e', type: 'text' }), pg)).toHaveLength(1);
  });

  it('a native type the history declared, now read back typed, is no drift (inet, an enum type, a generated column)', () => {
    expect(compareCollection('t', expected({ name: 'ip', type: 'native', native: 'inet' }), live({ name: 'ip', type: 'inet' }), pg)).toEqual([]);
    expect(compareCollection('t', expected({ name: 'ips', type: 'native', native: 'inet[]' }), live({ name: 'ips', type: 'array', itemType: 'inet' }), pg)).toEqual([]);
    expect(compareCollection('t', expected({ name: 's', type: 'native', native: 'kind' }), live({ name: 's', type: 'enum', enumValues: ['a'], enumType: 'kind' }), pg)).toEqual([]);
    expect(
      compareCollection('t', expected({ name: 'g', type: 'native', native: 'integer GENERATED ALWAYS AS ((a * 2)) STORED' }), live({ name: 'g', type: 'integer', generatedAs: '(a * 2)' }), pg),
    ).toEqual([]);
    expect(compareCollection('t', expected({ name: 'ip', type: 'native', native: 'inet', required: true }), live({ name: 'ip', type: 'inet' }), pg)).toHaveLength(1);
    expect(compareCollection('t', expected({ name: 'ip', type: 'native', native: 'cidr' }), live({ name: 'ip', type: 'inet' }), pg)).toHaveLength(1);
  });
});
