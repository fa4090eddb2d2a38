import { describe, expect, it } from 'vitest';
import { MigrationHelpers, ValidationError, migration, validationIssues } from '../src/index.js';

const ok = migration('ok')
  .at(new Date('2024-01-01T00:00:00Z'))
  .createCollection('users', { id: { type: 'uuid', primaryKey: true } })
  .build();
const base = { name: 'm', up: [] as unknown[], down: [] as unknown[] };
const create = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ ...base, up: [{ type: 'createCollection', name: 't', fields, ...extra }] });
const withOp = (op: unknown) => ({ ...base, up: [op] });

// Each row: a kind of bad migration, and the issue code that must explain it.
const cases: [string, unknown, string][] = [
  ['not an object', 'hello', 'not_a_migration'],
  ['empty name', { ...ok, name: '' }, 'invalid_name'],
  ['name with spaces', { ...ok, name: 'create users' }, 'invalid_name'],
  ['malformed tag', { ...ok, tag: '2024-01-01 create' }, 'invalid_tag'],
  ['tag of another name', { ...ok, tag: '20240101_000000_other' }, 'tag_name_mismatch'],
  ['empty migration', base, 'empty_migration'],
  ['up is not a list', { ...base, up: {} }, 'invalid_up'],
  ['unknown operation', withOp({ type: 'createTabel', name: 't' }), 'unknown_operation'],
  ['empty collection name', withOp({ type: 'createCollection', name: '', fields: [{ name: 'a', type: 'integer' }] }), 'invalid_identifier'],
  ['control character in a name', withOp({ type: 'dropField', collection: 'users', field: 'a\u0000b' }), 'invalid_identifier'],
  ['identifier too long', withOp({ type: 'dropCollection', name: 'x'.repeat(129) }), 'invalid_identifier'],
  ['collection without fields', create([]), 'no_fields'],
  [
    'duplicate fields',
    create([
      { name: 'a', type: 'integer' },
      { name: 'a', type: 'text' },
    ]),
    'duplicate_field',
  ],
  ['unknown field type', create([{ name: 'a', type: 'varchar' }]), 'unknown_type'],
  ['enum without values', create([{ name: 's', type: 'enum' }]), 'enum_without_values'],
  ['duplicate enum values', create([{ name: 's', type: 'enum', enumValues: ['a', 'a'] }]), 'duplicate_enum_value'],
  ['precision below scale', create([{ name: 'p', type: 'decimal', precision: 2, scale: 4 }]), 'precision_below_scale'],
  ['scale without precision', create([{ name: 'p', type: 'decimal', scale: 2 }]), 'scale_without_precision'],
  ['negative length', create([{ name: 's', type: 'string', length: -5 }]), 'invalid_length'],
  ['array without item type', create([{ name: 'tags', type: 'array' }]), 'array_without_item_type'],
  ['autoIncrement on text', create([{ name: 'id', type: 'text', autoIncrement: true }]), 'auto_increment_type'],
  ['misspelt option', create([{ name: 'a', type: 'integer', requried: true }]), 'unknown_option'],
  ['default of the wrong type', create([{ name: 'n', type: 'integer', default: 'ten' }]), 'default_type_mismatch'],
  ['required field defaulting to null', create([{ name: 'n', type: 'integer', required: true, default: null }]), 'null_default_on_required'],
  ['required and nullable', create([{ name: 'n', type: 'integer', required: true, nullable: true }]), 'conflicting_nullability'],
  ['unknown collection option', create([{ name: 'a', type: 'integer' }], { options: { timestamp: true } }), 'unknown_option'],
  ['index without fields', withOp({ type: 'createIndex', collection: 't', name: 'i', fields: [] }), 'index_without_fields'],
  [
    'index on an unknown field',
    {
      ...base,
      up: [
        { type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'integer' }] },
        { type: 'createIndex', collection: 't', name: 'i', fields: [{ name: 'b' }] },
      ],
    },
    'index_on_unknown_field',
  ],
  ['duplicate index', { ...base, up: [1, 2].map(() => ({ type: 'createIndex', collection: 't', name: 'i', fields: [{ name: 'a' }] })) }, 'duplicate_index'],
  ['rename to the same name', withOp({ type: 'renameField', collection: 't', from: 'a', to: 'a' }), 'rename_to_same'],
  ['modify without changes', withOp({ type: 'modifyField', collection: 't', field: 'a', changes: {} }), 'empty_change'],
  ['foreign key without references', withOp({ type: 'addConstraint', collection: 't', constraint: { name: 'fk', type: 'foreignKey', columns: ['a'] } }), 'foreign_key_without_references'],
  [
    'foreign key arity',
    withOp({ type: 'addConstraint', collection: 't', constraint: { name: 'fk', type: 'foreignKey', columns: ['a', 'b'], references: { table: 'u', columns: ['id'] } } }),
    'foreign_key_arity',
  ],
  ['check without expression', withOp({ type: 'addConstraint', collection: 't', constraint: { name: 'c', type: 'check' } }), 'check_without_expression'],
  ['raw without statement', withOp({ type: 'raw', dialect: 'postgresql' }), 'raw_without_statement'],
  ['raw without dialect', withOp({ type: 'raw', sql: 'SELECT 1' }), 'raw_without_dialect'],
  ['index order', withOp({ type: 'createIndex', collection: 't', name: 'i', fields: [{ name: 'a', order: 'UP' }] }), 'invalid_order'],
];

describe('MigrationHelpers.validate', () => {
  it('accepts a built migration', () => {
    expect(MigrationHelpers.validate(ok)).toBe(true);
    expect(MigrationHelpers.validationIssues(ok)).toEqual([]);
  });

  it.each(cases)('rejects %s', (_label, input, code) => {
    expect(MigrationHelpers.validate(input)).toBe(false);
    const issues = MigrationHelpers.validationIssues(input);
    expect(issues.map((i) => i.code)).toContain(code);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(5);
  });

  it('covers at least 15 kinds of bad migration', () => {
    expect(new Set(cases.map(([, , code]) => code)).size).toBeGreaterThanOrEqual(15);
  });

  it('reports every problem at once, with paths', () => {
    const issues = MigrationHelpers.validationIssues(
      create([
        { name: 'a', type: 'nope' },
        { name: 'a', type: 'enum' },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['up[0].fields[0].type', 'up[0].fields[1].name', 'up[0].fields[1].enumValues']));
  });

  it('assertValid throws a ValidationError listing the reasons', () => {
    try {
      MigrationHelpers.assertValid(create([{ name: 's', type: 'enum' }]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).code).toBe('DUCTAPE_VALIDATION');
      expect((e as ValidationError).message).toContain('enumValues');
    }
  });
});

describe('native field types', () => {
  const check = (native: unknown) =>
    validationIssues({ name: 'm', tag: '20240101_000000_m', up: [{ type: 'addField', collection: 't', field: { name: 'f', type: 'native', native } }], down: [] } as never);
  it.each([
    'tsvector',
    'character varying',
    "set('a','b')",
    'frozen<list<int>>',
    '"char"',
    'text COLLATE "C"',
    'integer GENERATED ALWAYS AS (a + b) STORED',
    "date DEFAULT ('now'::text)::date",
    'numeric(10,2)[]',
  ])('accepts %s', (native) => {
    expect(check(native)).toEqual([]);
  });
  it.each(['', 'int; DROP TABLE users', 'int -- x', 'int /* x */', "text DEFAULT 'a", 'int)', 'int(', 'a\\b', 'x'.repeat(501), 42])('refuses %s', (native) => {
    expect(check(native).map((i) => i.code)).toEqual(['invalid_native_type']);
  });
});

describe('cross-op checks follow renames and drops (roundTrip finding 7)', () => {
  it('a table renamed away may be created again under its old name; a dropped field may be added again', () => {
    const m = migration('reuse')
      .createCollection('quo"te', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'a', type: 'text' },
      ])
      .renameCollection('quo"te', 'tags')
      .createCollection('quo"te', [{ name: 'id', type: 'integer', primaryKey: true }])
      .dropField('tags', 'a')
      .addField('tags', 'a', 'integer')
      .renameField('tags', 'a', 'b')
      .createIndex('tags', 'tags_b', ['b'])
      .build();
    expect(m.up).toHaveLength(7);
    expect(() => migration('twice').createCollection('t', { id: 'uuid' }).createCollection('t', { id: 'uuid' }).build()).toThrow(/created twice/);
  });
});
