import { describe, expect, it } from 'vitest';
import type { Operation } from '@ductape/core';
import { ColumnInForeignKeyError, ColumnNotRecreatableError, MARIADB_DIALECT, NOT_KEPT, compileMysql, parseNativeType } from '../../src/shared.js';
import { build, compileAll, mysql } from '../support/compile-helpers.js';

describe('native field type (issue 16)', () => {
  it('compiles verbatim in create, addField and MODIFY COLUMN; defaults as for other columns', () => {
    const m = build(
      'natives',
      {
        type: 'createCollection',
        name: 'notes',
        fields: [
          { name: 'id', type: 'native', native: 'int unsigned AUTO_INCREMENT', primaryKey: true },
          { name: 'body', type: 'native', native: 'mediumtext', default: "it's" },
        ],
      },
      { type: 'addField', collection: 'notes', field: { name: 'ts', type: 'native', native: 'timestamp(3) ON UPDATE current_timestamp(3)', required: true, default: { $fn: 'now' } } },
      {
        type: 'modifyField',
        collection: 'notes',
        field: 'body',
        changes: { type: 'native', native: 'longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin' },
        previous: { name: 'body', type: 'string', length: 80, default: "it's" },
      },
    );
    expect(compileAll(m, 'up', MARIADB_DIALECT)).toEqual([
      "CREATE TABLE `notes` (\n  `id` int unsigned NOT NULL AUTO_INCREMENT,\n  `body` mediumtext NULL DEFAULT ('it''s'),\n  PRIMARY KEY (`id`)\n)",
      'ALTER TABLE `notes` ADD COLUMN `ts` timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE current_timestamp(3)',
      "ALTER TABLE `notes` MODIFY COLUMN `body` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL DEFAULT ('it''s')",
    ]);
  });

  it('a generated column: the clause right after the type, no NULL', () => {
    expect(mysql({ type: 'addField', collection: 't', field: { name: 'g', type: 'native', native: 'int GENERATED ALWAYS AS (`a` * 2) VIRTUAL' } })[0]).toMatch(
      /^ALTER TABLE `t` ADD COLUMN `g` int GENERATED ALWAYS AS \(`a` \* 2\) VIRTUAL, ALGORITHM=INSTANT/,
    );
  });

  it.each([
    ['int, ADD COLUMN `x` int', /comma outside brackets/],
    ['int NOT NULL', /NOT, which a native type cannot/],
    ['int REFERENCES t (id)', /REFERENCES/],
    ['int DEFAULT 1 -- x', /comment/],
    ['int DEFAULT (1 /* x */)', /comment/],
    ['int DEFAULT 1; DROP TABLE t', /unexpected/],
    ['varchar(5) # x', /unexpected/],
    ['int AFTER `id`', /AFTER|belongs only inside/],
    ['int DEFAULT 1 + 2', /belongs only inside/],
    ["set('a\\\\b')", /unexpected/],
  ])('refuses %s before any IO (also where core would let it through)', (native, message) => {
    const op: Operation = { type: 'addField', collection: 't', field: { name: 'c', type: 'native', native } };
    expect(() => compileMysql(op, unchecked(op))).toThrow(message);
  });

  it('refuses options the native text says itself, and a second DEFAULT', () => {
    const add = (field: object): Operation => ({ type: 'addField', collection: 't', field: { name: 'c', type: 'native', native: 'int', ...field } as never });
    expect(() => compileMysql(add({ length: 5 }), ctxOf(add({ length: 5 })))).toThrow(/length would do nothing/);
    const twice: Operation = { type: 'addField', collection: 't', field: { name: 'c', type: 'native', native: 'int DEFAULT 1', default: 2 } };
    expect(() => compileMysql(twice, ctxOf(twice))).toThrow(/own DEFAULT clause/);
  });

  it('parseNativeType splits the type from its clauses', () => {
    expect(parseNativeType("varchar(5) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT lcase('A') COMMENT 'c, (d)' INVISIBLE", 'c')).toEqual({
      type: 'varchar(5) CHARACTER SET latin1 COLLATE latin1_bin',
      attributes: ["DEFAULT lcase('A')", "COMMENT 'c, (d)'", 'INVISIBLE'],
      hasDefault: true,
    });
    expect(parseNativeType(`int GENERATED ALWAYS AS (${NOT_KEPT}) STORED`, 'c').notKept).toBe('GENERATED');
    expect(parseNativeType(`set(${NOT_KEPT})`, 'c').notKept).toBe('type');
  });

  it('a column introspection could not keep is refused where written, dropped or modified (DUCTAPE_IRREVERSIBLE)', () => {
    const previous = { name: 'c', type: 'native' as const, native: `int COMMENT ${NOT_KEPT}` };
    for (const op of [
      { type: 'dropField', collection: 't', field: 'c', previous },
      { type: 'addField', collection: 't', field: previous },
      { type: 'modifyField', collection: 't', field: 'c', changes: { type: 'integer', native: null }, previous },
      { type: 'dropCollection', name: 't', previous: { name: 't', fields: [{ name: 'id', type: 'integer' }, previous] } },
    ] as Operation[]) {
      expect(() => compileMysql(op, ctxOf(op)), op.type).toThrow(ColumnNotRecreatableError);
    }
  });
});

describe('renameCollection (issue 16)', () => {
  it('is RENAME TABLE with quoted identifiers; the down renames back', () => {
    const m = build('rename', { type: 'renameCollection', from: 'users', to: 'my `people`' });
    expect(compileAll(m)).toEqual(['RENAME TABLE `users` TO `my ``people```']);
    expect(compileAll(m, 'down')).toEqual(['RENAME TABLE `my ``people``` TO `users`']);
    expect(() => mysql({ type: 'renameCollection', from: 'users', to: 'x'.repeat(65) })).toThrow(/64/);
  });
});

describe('dropField of a column a foreign key uses', () => {
  it('refused at compile time when the migration defines the key (own or referenced column)', () => {
    const fk = {
      type: 'addConstraint',
      collection: 'child',
      constraint: { name: 'fk_child_parent', type: 'foreignKey', columns: ['parentId'], references: { table: 'parent', columns: ['id'] } },
    } as const;
    for (const [table, column] of [
      ['child', 'parentId'],
      ['parent', 'id'],
    ]) {
      const m = build('bad', fk, { type: 'dropField', collection: table as string, field: column as string });
      expect(() => compileAll(m), `${table}.${column}`).toThrow(ColumnInForeignKeyError);
    }
    // After a rename of the column the key follows it; after dropConstraint the drop is fine.
    expect(() => compileAll(build('renamed', fk, { type: 'renameField', collection: 'child', from: 'parentId', to: 'p' }, { type: 'dropField', collection: 'child', field: 'p' }))).toThrow(
      /fk_child_parent/,
    );
    expect(compileAll(build('fine', fk, { type: 'dropConstraint', collection: 'child', name: 'fk_child_parent' }, { type: 'dropField', collection: 'child', field: 'parentId' })).at(-1)).toMatch(
      /^ALTER TABLE `child` DROP COLUMN `parentId`/,
    );
  });
});

function ctxOf(op: Operation) {
  return { migration: build('one', op), direction: 'up' as const, index: 0, options: {} };
}

/** A context whose migration core has not validated (the adapter's own checks alone). */
function unchecked(op: Operation) {
  return { migration: { name: 'raw', tag: '20240115_143052_raw', up: [op], down: [] }, direction: 'up' as const, index: 0, options: {} };
}
