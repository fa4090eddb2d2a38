import { describe, expect, it } from 'vitest';
import { ValidationError, type FieldDefinition } from '@ductape/core';
import { MARIADB_DIALECT, MYSQL_DIALECT, columnType } from '../../src/shared.js';
import { mariadb, mysql } from '../support/compile-helpers.js';

// Issue 24: text/blob sizes, unsigned integers, precision 0, withTimeZone on MySQL and MariaDB.
const sized: FieldDefinition[] = [
  { name: 'id', type: 'integer', unsigned: true, primaryKey: true, autoIncrement: true },
  { name: 'big', type: 'bigint', unsigned: true, required: true, default: 0 },
  { name: 'small', type: 'smallint', unsigned: true },
  { name: 'body', type: 'text' },
  { name: 't0', type: 'text', size: 'tiny' },
  { name: 't1', type: 'text', size: 'regular' },
  { name: 't2', type: 'text', size: 'medium' },
  { name: 't3', type: 'text', size: 'long' },
  { name: 'file', type: 'blob' },
  { name: 'b2', type: 'blob', size: 'medium' },
  { name: 'b1', type: 'blob', size: 'regular' },
  { name: 'at0', type: 'datetime', precision: 0, default: { $fn: 'now' } },
  { name: 'ts0', type: 'timestamp', precision: 0, withTimeZone: false },
  { name: 'tm0', type: 'time', precision: 0 },
  { name: 'atz', type: 'datetime', withTimeZone: true, precision: 6 },
];

describe('type options', () => {
  it('MySQL 8 and MariaDB: sizes, unsigned, precision 0; withTimeZone writes nothing (no zoned type)', () => {
    const expected = [
      [
        'CREATE TABLE `sized` (',
        '  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,',
        '  `big` BIGINT UNSIGNED NOT NULL DEFAULT 0,',
        '  `small` SMALLINT UNSIGNED NULL,',
        '  `body` LONGTEXT NULL,',
        '  `t0` TINYTEXT NULL,',
        '  `t1` TEXT NULL,',
        '  `t2` MEDIUMTEXT NULL,',
        '  `t3` LONGTEXT NULL,',
        '  `file` LONGBLOB NULL,',
        '  `b2` MEDIUMBLOB NULL,',
        '  `b1` BLOB NULL,',
        '  `at0` DATETIME NULL DEFAULT CURRENT_TIMESTAMP,',
        '  `ts0` TIMESTAMP NULL,',
        '  `tm0` TIME NULL,',
        '  `atz` DATETIME(6) NULL,',
        '  PRIMARY KEY (`id`)',
        ')',
      ].join('\n'),
    ];
    expect(mysql({ type: 'createCollection', name: 'sized', fields: sized })).toEqual(expected);
    expect(mariadb({ type: 'createCollection', name: 'sized', fields: sized })).toEqual(expected);
  });

  it('modifyField changes a size or the sign; removing size is the default, LONGTEXT', () => {
    const previous = { name: 'body', type: 'text', size: 'regular' } as const;
    expect(mysql({ type: 'modifyField', collection: 'posts', field: 'body', changes: { size: 'long' }, previous })[0]).toMatch(/^ALTER TABLE `posts` MODIFY COLUMN `body` LONGTEXT NULL, /);
    expect(mysql({ type: 'modifyField', collection: 'posts', field: 'body', changes: { size: null }, previous: { ...previous, size: 'medium' } })[0]).toMatch(
      /^ALTER TABLE `posts` MODIFY COLUMN `body` LONGTEXT NULL, /,
    );
    expect(mysql({ type: 'modifyField', collection: 'posts', field: 'n', changes: { unsigned: true }, previous: { name: 'n', type: 'integer' } })[0]).toMatch(
      /^ALTER TABLE `posts` MODIFY COLUMN `n` INT UNSIGNED NULL/,
    );
  });

  it('columnType of each size and sign, on both dialects', () => {
    for (const dialect of [MYSQL_DIALECT, MARIADB_DIALECT]) {
      expect(columnType({ type: 'text' }, dialect)).toBe('LONGTEXT');
      expect(columnType({ type: 'blob', size: 'tiny' }, dialect)).toBe('TINYBLOB');
      expect(columnType({ type: 'smallint', unsigned: false }, dialect)).toBe('SMALLINT');
      expect(columnType({ type: 'timestamp', precision: 0 }, dialect)).toBe('TIMESTAMP');
      expect(columnType({ type: 'time', precision: 6 }, dialect)).toBe('TIME(6)');
    }
  });

  it('refuses a size it does not know and a precision above 6, before any IO', () => {
    expect(() => columnType({ type: 'text', size: 'huge' as 'long' }, MYSQL_DIALECT)).toThrow(ValidationError);
    expect(() => mysql({ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'time', precision: 7 }] })).toThrow(ValidationError);
  });

  it('an index prefix on a sized text compiles; a full TEXT key is refused before IO (MariaDB would cut it to a prefix)', () => {
    const fields: FieldDefinition[] = [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'slug', type: 'string', length: 1000 },
      { name: 'body', type: 'text', size: 'medium' },
    ];
    const create = { type: 'createCollection', name: 'p', fields } as const;
    expect(
      mariadb({
        ...create,
        indexes: [
          {
            name: 'p_slug',
            fields: [
              { name: 'slug', length: 191 },
              { name: 'body', length: 100 },
            ],
          },
        ],
      })[0],
    ).toContain('INDEX `p_slug` (`slug`(191), `body`(100))');
    expect(() => mariadb({ ...create, indexes: [{ name: 'p_slug', fields: [{ name: 'slug' }] }] })).toThrow(/3072 bytes/);
    expect(() => mysql({ ...create, indexes: [{ name: 'p_body', fields: [{ name: 'body' }] }] })).toThrow(/prefix/);
  });
});
