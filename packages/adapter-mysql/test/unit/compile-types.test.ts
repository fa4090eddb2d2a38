import { describe, expect, it } from 'vitest';
import { ValidationError, type FieldDefinition } from '@ductape/core';
import { MARIADB_DIALECT, MYSQL_DIALECT, columnType, mariadbDialectFor, parseServerVersion } from '../../src/shared.js';
import { mariadb, mysql } from '../support/compile-helpers.js';

const every: FieldDefinition[] = [
  { name: 'id', type: 'uuid', primaryKey: true, default: { $fn: 'uuid' } },
  { name: 'i', type: 'integer', required: true, default: 0 },
  { name: 'b', type: 'bigint', autoIncrement: true, unique: true },
  { name: 's', type: 'smallint' },
  { name: 'f', type: 'float' },
  { name: 'd', type: 'double' },
  { name: 'dec', type: 'decimal', precision: 10, scale: 2, default: 1.5 },
  { name: 'str', type: 'string', length: 100, unique: true, default: "it's \\ ok" },
  { name: 'txt', type: 'text', default: 'long' },
  { name: 'flag', type: 'boolean', default: true },
  { name: 'day', type: 'date', default: { $fn: 'now' } },
  { name: 'tm', type: 'time' },
  { name: 'dt', type: 'datetime', default: { $fn: 'now' }, required: true },
  { name: 'dt6', type: 'datetime', precision: 6, default: { $fn: 'now' } },
  { name: 'ts', type: 'timestamp' },
  { name: 'meta', type: 'json', default: { a: [1, 'x'] } },
  { name: 'kind', type: 'enum', enumValues: ['a', "b'c"], default: 'a' },
  { name: 'tags', type: 'array', itemType: 'uuid', default: [] },
  { name: 'bin', type: 'binary', length: 16 },
  { name: 'raw', type: 'blob' },
];

describe('types: one table of every portable type', () => {
  it('MySQL 8', () => {
    expect(mysql({ type: 'createCollection', name: 'everything', fields: every })).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`everything\` (
        \`id\` CHAR(36) NOT NULL DEFAULT (UUID()),
        \`i\` INT NOT NULL DEFAULT 0,
        \`b\` BIGINT NULL AUTO_INCREMENT,
        \`s\` SMALLINT NULL,
        \`f\` FLOAT NULL,
        \`d\` DOUBLE NULL,
        \`dec\` DECIMAL(10,2) NULL DEFAULT 1.5,
        \`str\` VARCHAR(100) NULL DEFAULT 'it''s \\\\ ok',
        \`txt\` LONGTEXT NULL DEFAULT ('long'),
        \`flag\` BOOLEAN NULL DEFAULT TRUE,
        \`day\` DATE NULL DEFAULT (CURRENT_DATE),
        \`tm\` TIME(3) NULL,
        \`dt\` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        \`dt6\` DATETIME(6) NULL DEFAULT CURRENT_TIMESTAMP(6),
        \`ts\` TIMESTAMP(3) NULL,
        \`meta\` JSON NULL DEFAULT ('{"a":[1,"x"]}'),
        \`kind\` ENUM('a','b''c') NULL DEFAULT 'a',
        \`tags\` JSON NULL DEFAULT ('[]') COMMENT 'ductape:array<uuid>',
        \`bin\` VARBINARY(16) NULL,
        \`raw\` LONGBLOB NULL,
        PRIMARY KEY (\`id\`),
        UNIQUE KEY \`everything_b_key\` (\`b\`),
        UNIQUE KEY \`everything_str_key\` (\`str\`)
      )",
      ]
    `);
  });

  it('MariaDB 10.7+ (native UUID)', () => {
    expect(mariadb({ type: 'createCollection', name: 'everything', fields: [every[0] as FieldDefinition] })).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`everything\` (
        \`id\` UUID NOT NULL DEFAULT (UUID()),
        PRIMARY KEY (\`id\`)
      )",
      ]
    `);
  });

  it('MariaDB before 10.7 falls back to CHAR(36)', () => {
    const old = mariadbDialectFor(parseServerVersion('10.6.16-MariaDB-log'));
    expect(columnType({ type: 'uuid' }, old)).toBe('CHAR(36)');
    expect(columnType({ type: 'uuid' }, mariadbDialectFor(parseServerVersion('10.11.19-MariaDB-0+deb12u1')))).toBe('UUID');
    expect(columnType({ type: 'uuid' }, MYSQL_DIALECT)).toBe('CHAR(36)');
    expect(columnType({ type: 'uuid' }, MARIADB_DIALECT)).toBe('UUID');
  });

  it('refuses what MySQL cannot store, before any IO', () => {
    expect(() => mysql({ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'datetime', precision: 7 }] })).toThrow(ValidationError);
    expect(() => mysql({ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'integer', default: { $fn: 'now' } }] })).toThrow(/needs a date/);
    expect(() => mysql({ type: 'createCollection', name: 'x'.repeat(65), fields: [{ name: 'a', type: 'integer' }] })).toThrow(/allow 64/);
  });
});

describe('sqlOptions', () => {
  it('ifNotExists, temporary, engine, charset, collation, comment', () => {
    expect(
      mysql({
        type: 'createCollection',
        name: 'sessions',
        fields: [{ name: 'id', type: 'string', length: 64, primaryKey: true }],
        options: { sqlOptions: { ifNotExists: true, temporary: true, engine: 'InnoDB', charset: 'utf8mb4', collation: 'utf8mb4_bin', comment: "it's", unlogged: true } },
      }),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TEMPORARY TABLE IF NOT EXISTS \`sessions\` (
        \`id\` VARCHAR(64) NOT NULL,
        PRIMARY KEY (\`id\`)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='it''s'",
      ]
    `);
  });

  it('refuses an engine that is not a plain name', () => {
    expect(() => mysql({ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'integer' }], options: { sqlOptions: { engine: 'InnoDB; DROP TABLE x' } } })).toThrow(ValidationError);
  });
});
