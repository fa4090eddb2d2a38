import { describe, expect, it } from 'vitest';
import { parseColumnType, parseDefault, parseEnumValues, quoteLiteral, unquoteLiteral } from '../../src/shared.js';

const type = (columnType: string, extra: { comment?: string; jsonChecked?: boolean } = {}) => parseColumnType({ columnType, comment: extra.comment ?? '', jsonChecked: extra.jsonChecked ?? false });

describe('parseColumnType: the inverse of the compiler, for MySQL 8 and MariaDB spellings', () => {
  it.each([
    ['int(11)', { type: 'integer' }],
    ['int', { type: 'integer' }],
    ['bigint(20)', { type: 'bigint' }],
    ['smallint(6)', { type: 'smallint' }],
    ['tinyint(1)', { type: 'boolean' }],
    ['tinyint(4)', { type: 'smallint' }],
    ['float', { type: 'float' }],
    ['double', { type: 'double' }],
    ['decimal(10,2)', { type: 'decimal', precision: 10, scale: 2 }],
    ['decimal(12,0)', { type: 'decimal', precision: 12 }],
    ['varchar(100)', { type: 'string', length: 100 }],
    ['char(36)', { type: 'uuid' }],
    ['uuid', { type: 'uuid' }],
    ['char(2)', { type: 'string', length: 2 }],
    ['text', { type: 'text' }],
    ['mediumtext', { type: 'text' }],
    ['json', { type: 'json' }],
    ['date', { type: 'date' }],
    ['time(3)', { type: 'time' }],
    ['datetime(3)', { type: 'datetime' }],
    ['datetime(6)', { type: 'datetime', precision: 6 }],
    ['timestamp(3)', { type: 'timestamp' }],
    ['varbinary(16)', { type: 'binary', length: 16 }],
    ['blob', { type: 'blob' }],
    ['longblob', { type: 'blob' }],
  ])('%s', (columnType, expected) => {
    expect(type(columnType)).toEqual(expected);
  });

  it('MariaDB JSON is LONGTEXT with a json_valid check; an array keeps its item type in the comment', () => {
    expect(type('longtext', { jsonChecked: true })).toEqual({ type: 'json' });
    expect(type('longtext')).toEqual({ type: 'text' });
    expect(type('longtext', { jsonChecked: true, comment: 'ductape:array<uuid>' })).toEqual({ type: 'array', itemType: 'uuid' });
    expect(type('json', { comment: 'ductape:array<integer>' })).toEqual({ type: 'array', itemType: 'integer' });
  });

  it('enum values with quotes and backslashes, as the server prints them', () => {
    expect(type("enum('a''b','c\"d','ü','x\\\\y')")).toEqual({ type: 'enum', enumValues: ["a'b", 'c"d', 'ü', 'x\\y'] });
    expect(parseEnumValues("enum('on','off')")).toEqual(['on', 'off']);
  });
});

describe('parseDefault', () => {
  const maria = (raw: string | null, t: string) => parseDefault({ raw, extra: '', mariadb: true }, { type: t as never });
  const mysql8 = (raw: string | null, t: string, extra = '') => parseDefault({ raw, extra, mariadb: false }, { type: t as never });

  it('MariaDB: quoted literals, numbers, functions, NULL', () => {
    expect(maria(null, 'text')).toBeUndefined();
    expect(maria('NULL', 'integer')).toBeUndefined();
    expect(maria("'it\\'s \"q\" \\\\ b'", 'text')).toBe('it\'s "q" \\ b');
    expect(maria("'it''s'", 'string')).toBe("it's");
    expect(maria('1.50', 'decimal')).toBe(1.5);
    expect(maria('1', 'boolean')).toBe(true);
    expect(maria('current_timestamp(3)', 'datetime')).toEqual({ $fn: 'now' });
    expect(maria('curdate()', 'date')).toEqual({ $fn: 'now' });
    expect(maria('uuid()', 'uuid')).toEqual({ $fn: 'uuid' });
    expect(maria('\'{"a":[1,"x"]}\'', 'json')).toEqual({ a: [1, 'x'] });
  });

  it('MySQL 8 (golden, not verified on a MySQL server here): bare literals, DEFAULT_GENERATED expressions', () => {
    expect(mysql8(null, 'text')).toBeUndefined();
    expect(mysql8("it's", 'string')).toBe("it's");
    expect(mysql8('0', 'boolean')).toBe(false);
    expect(mysql8('CURRENT_TIMESTAMP(3)', 'datetime', 'DEFAULT_GENERATED')).toEqual({ $fn: 'now' });
    expect(mysql8('uuid()', 'uuid', 'DEFAULT_GENERATED')).toEqual({ $fn: 'uuid' });
    expect(mysql8("_utf8mb4\\'[]\\'", 'json', 'DEFAULT_GENERATED')).toEqual([]);
    expect(mysql8("_utf8mb4\\'long\\'", 'text', 'DEFAULT_GENERATED')).toBe('long');
  });
});

describe('literals', () => {
  it('quote and unquote are inverse', () => {
    for (const s of ["it's", 'a\\b', '"q"', 'ü ✓ 🚀', "'';--", '\n\t']) expect(unquoteLiteral(quoteLiteral(s)).value).toBe(s);
  });
});
