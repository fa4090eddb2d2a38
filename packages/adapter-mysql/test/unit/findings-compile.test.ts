import { describe, expect, it } from 'vitest';
import { type Operation, migration } from '@ductape/core';
import { CheckForeignKeyConflictError, MYSQL_DIALECT, compileMysql, type MysqlStatementStep } from '../../src/shared.js';
import { expressionNamesColumn } from '../../src/compile/check-foreign-key-conflict.js';
import { build, compileAll, mariadb, mysql } from '../support/compile-helpers.js';

const previous = {
  name: 'user',
  fields: [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'body', type: 'string', length: 100, unique: true },
    { name: 'note', type: 'text' },
  ],
} as const;

describe('renames carry the unique keys named after the table and column (roundTrip finding 6)', () => {
  it('renameCollection with previous: one ALTER renames the table and each field unique key', () => {
    expect(mysql({ type: 'renameCollection', from: 'user', to: 'tags', previous } as Operation)).toEqual(['ALTER TABLE `user` RENAME TO `tags`, RENAME INDEX `user_body_key` TO `tags_body_key`']);
  });

  it('renameCollection without previous (an op recorded before it existed) stays the plain rename', () => {
    expect(mysql({ type: 'renameCollection', from: 'user', to: 'tags' })).toEqual(['RENAME TABLE `user` TO `tags`']);
  });

  it('renameField of a unique field renames its key in the same ALTER; of another field, not', () => {
    const [step] = mysql({ type: 'renameField', collection: 'people', from: 'mail', to: 'email', previous: { name: 'mail', type: 'string', unique: true } });
    expect(step?.split('\n')[0]).toBe('ALTER TABLE `people` RENAME COLUMN `mail` TO `email`, RENAME INDEX `people_mail_key` TO `people_email_key`, ALGORITHM=INSTANT');
    const [plain] = mysql({ type: 'renameField', collection: 'people', from: 'nick', to: 'alias', previous: { name: 'nick', type: 'string' } });
    expect(plain?.split('\n')[0]).toBe('ALTER TABLE `people` RENAME COLUMN `nick` TO `alias`, ALGORITHM=INSTANT');
  });

  it('MariaDB: renameField of a JSON column is CHANGE COLUMN with its previous definition, so its json_valid check takes the new name; MySQL and non-JSON columns keep RENAME COLUMN', () => {
    const op = { type: 'renameField', collection: 't', from: 'tags', to: 'Value X', previous: { name: 'tags', type: 'array', itemType: 'string', required: true } } as const;
    expect(mariadb(op)[0]?.split('\n')[0]).toBe("ALTER TABLE `t` CHANGE COLUMN `tags` `Value X` JSON NOT NULL COMMENT 'ductape:array<string>', ALGORITHM=INSTANT");
    expect(mariadb({ ...op, previous: { name: 'tags', type: 'native', native: "json COMMENT 'x'" } })[0]?.split('\n')[0]).toBe(
      "ALTER TABLE `t` CHANGE COLUMN `tags` `Value X` json NULL COMMENT 'x', ALGORITHM=INSTANT",
    );
    expect(mysql(op)[0]?.split('\n')[0]).toBe('ALTER TABLE `t` RENAME COLUMN `tags` TO `Value X`, ALGORITHM=INSTANT');
    expect(mariadb({ ...op, previous: { name: 'tags', type: 'text' } })[0]?.split('\n')[0]).toBe('ALTER TABLE `t` RENAME COLUMN `tags` TO `Value X`, ALGORITHM=INSTANT');
    const { previous: _p, ...bare } = op;
    expect(mariadb(bare)[0]?.split('\n')[0]).toBe('ALTER TABLE `t` RENAME COLUMN `tags` TO `Value X`, ALGORITHM=INSTANT');
  });
});

describe('a CHECK and a foreign key that changes the same column (roundTrip finding 20)', () => {
  const parent = { type: 'createCollection', name: 'p', fields: [{ name: 'id', type: 'integer', primaryKey: true }] } as const;
  const child = {
    type: 'createCollection',
    name: 'c',
    fields: [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'pid', type: 'integer' },
    ],
  } as const;
  const fk = (references: object) =>
    ({ type: 'addConstraint', collection: 'c', constraint: { name: 'c_fk', type: 'foreignKey', columns: ['pid'], references: { table: 'p', columns: ['id'], ...references } } }) as Operation;
  const ck = (expression: string) => ({ type: 'addConstraint', collection: 'c', constraint: { name: 'c_ck', type: 'check', expression } }) as Operation;

  it.each([
    ['ON UPDATE CASCADE', { onUpdate: 'CASCADE' }],
    ['ON UPDATE SET NULL', { onUpdate: 'SET NULL' }],
    ['ON DELETE SET NULL', { onDelete: 'SET NULL' }],
  ])('refused at compile time with %s, in either order', (_label, references) => {
    expect(() => compileAll(build('m', parent, child, fk(references), ck('pid > 0')))).toThrow(CheckForeignKeyConflictError);
    expect(() => compileAll(build('m', parent, child, ck('`PID` > 0'), fk(references)))).toThrow(CheckForeignKeyConflictError);
  });

  it('allowed with ON DELETE CASCADE or RESTRICT, a check on another column, a column dropped or a key dropped in between', () => {
    expect(() => compileAll(build('m', parent, child, fk({ onDelete: 'CASCADE', onUpdate: 'RESTRICT' }), ck('pid > 0')))).not.toThrow();
    expect(() => compileAll(build('m', parent, child, fk({ onUpdate: 'CASCADE' }), ck("id > 0 AND 'pid' <> ''")))).not.toThrow();
    expect(() => compileAll(build('m', parent, child, fk({ onUpdate: 'CASCADE' }), { type: 'dropConstraint', collection: 'c', name: 'c_fk' }, ck('pid > 0')))).not.toThrow();
  });

  it('follows renames: a check written before a rename still names the renamed column', () => {
    const m = build(
      'm',
      parent,
      child,
      ck('pid > 0'),
      { type: 'renameField', collection: 'c', from: 'pid', to: 'parentId' },
      {
        type: 'addConstraint',
        collection: 'c',
        constraint: { name: 'c_fk', type: 'foreignKey', columns: ['parentId'], references: { table: 'p', columns: ['id'], onUpdate: 'CASCADE' } },
      },
    );
    expect(() => compileAll(m)).toThrow(CheckForeignKeyConflictError);
  });

  it('the first step carries probes of the live tables for every later op on an untouched table; a later step its own', () => {
    const m = migration('live').addField('c', 'note', 'string').operation(ck('pid > 0')).build();
    const first = compileMysql(m.up[0] as Operation, { migration: m, direction: 'up', index: 0, options: {} }, MYSQL_DIALECT)[0] as MysqlStatementStep;
    expect(first.conflicts).toEqual([{ kind: 'check', table: 'c', name: 'c_ck', expression: 'pid > 0', early: true }]);
    const second = compileMysql(m.up[1] as Operation, { migration: m, direction: 'up', index: 1, options: {} }, MYSQL_DIALECT)[0] as MysqlStatementStep;
    expect(second.conflicts).toEqual([{ kind: 'check', table: 'c', name: 'c_ck', expression: 'pid > 0' }]);
  });

  it('expressionNamesColumn: quoted or bare, any case, never inside a string literal', () => {
    expect(expressionNamesColumn('`pid` >= 0', 'pid')).toBe(true);
    expect(expressionNamesColumn('PID >= 0', 'pid')).toBe(true);
    expect(expressionNamesColumn("note <> 'pid'", 'pid')).toBe(false);
    expect(expressionNamesColumn('pid_x >= 0', 'pid')).toBe(false);
  });
});
