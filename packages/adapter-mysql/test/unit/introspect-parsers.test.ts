import { describe, expect, it } from 'vitest';
import { parseColumnType, parseDefault, parseEnumValues, quoteLiteral, unquoteLiteral } from '../../src/shared.js';
import { fieldOfColumn } from '../../src/introspect/column-field.js';

const type = (columnType: string, extra: { comment?: string; jsonChecked?: boolean; nativeUuid?: boolean } = {}) =>
  parseColumnType({ columnType, comment: extra.comment ?? '', jsonChecked: extra.jsonChecked ?? false, nativeUuid: extra.nativeUuid ?? false });
const native = (text: string) => ({ type: 'native', native: text });

describe('parseColumnType: the inverse of the compiler, for MySQL 8 and MariaDB spellings', () => {
  it.each([
    ['int(11)', { type: 'integer' }],
    ['int', { type: 'integer' }],
    ['bigint(20)', { type: 'bigint' }],
    ['smallint(6)', { type: 'smallint' }],
    ['tinyint(1)', { type: 'boolean' }],
    ['float', { type: 'float' }],
    ['double', { type: 'double' }],
    ['decimal(10,2)', { type: 'decimal', precision: 10, scale: 2 }],
    ['decimal(12,0)', { type: 'decimal', precision: 12 }],
    ['varchar(100)', { type: 'string', length: 100 }],
    ['char(36)', { type: 'uuid' }],
    ['text', { type: 'text', size: 'regular' }],
    ['json', { type: 'json' }],
    ['date', { type: 'date' }],
    ['time(3)', { type: 'time' }],
    ['datetime(3)', { type: 'datetime' }],
    ['datetime(6)', { type: 'datetime', precision: 6 }],
    ['timestamp(3)', { type: 'timestamp' }],
    ['varbinary(16)', { type: 'binary', length: 16 }],
    ['blob', { type: 'blob', size: 'regular' }],
    // Issue 24: sizes, unsigned integers and precision 0 read back as the options that compile to them.
    ['mediumtext', { type: 'text', size: 'medium' }],
    ['longtext', { type: 'text', size: 'long' }],
    ['tinytext', { type: 'text', size: 'tiny' }],
    ['longblob', { type: 'blob', size: 'long' }],
    ['mediumblob', { type: 'blob', size: 'medium' }],
    ['tinyblob', { type: 'blob', size: 'tiny' }],
    ['int(10) unsigned', { type: 'integer', unsigned: true }],
    ['int unsigned', { type: 'integer', unsigned: true }],
    ['bigint(20) unsigned', { type: 'bigint', unsigned: true }],
    ['smallint(5) unsigned', { type: 'smallint', unsigned: true }],
    ['smallint unsigned', { type: 'smallint', unsigned: true }],
    ['datetime', { type: 'datetime', precision: 0 }],
    ['time', { type: 'time', precision: 0 }],
    ['timestamp', { type: 'timestamp', precision: 0 }],
    ['timestamp(6)', { type: 'timestamp', precision: 6 }],
    // No portable name compiles to these: kept as the server's own text (issue 16, defect 8).
    ['tinyint(4)', native('tinyint(4)')],
    ['tinyint(1) unsigned', native('tinyint(1) unsigned')],
    ['int(5) unsigned', native('int(5) unsigned')],
    ['int(10) unsigned zerofill', native('int(10) unsigned zerofill')],
    ['smallint(6) unsigned', native('smallint(6) unsigned')],
    ['int(5)', native('int(5)')],
    ['mediumint(9)', native('mediumint(9)')],
    ['year(4)', native('year(4)')],
    ['uuid', native('uuid')],
    ['char(2)', native('char(2)')],
    ["set('a','b')", native("set('a','b')")],
    ['bit(1)', native('bit(1)')],
    ['binary(16)', native('binary(16)')],
    ['float(7,3)', native('float(7,3)')],
    ['double unsigned', native('double unsigned')],
    ['decimal(8,3) unsigned', native('decimal(8,3) unsigned')],
    ['point', native('point')],
    ['geometry', native('geometry')],
  ])('%s', (columnType, expected) => {
    expect(type(columnType)).toEqual(expected);
  });

  it('MariaDB 10.7+ (nativeUuid): uuid is UUID, char(36) is a native char', () => {
    expect(type('uuid', { nativeUuid: true })).toEqual({ type: 'uuid' });
    expect(type('char(36)', { nativeUuid: true })).toEqual(native('char(36)'));
  });

  it('MariaDB JSON is LONGTEXT with a json_valid check; an array keeps its item type in the comment', () => {
    expect(type('longtext', { jsonChecked: true })).toEqual({ type: 'json' });
    expect(type('longtext')).toEqual({ type: 'text', size: 'long' });
    expect(type('longtext', { jsonChecked: true, comment: 'ductape:array<uuid>' })).toEqual({ type: 'array', itemType: 'uuid' });
    expect(type('json', { comment: 'ductape:array<integer>' })).toEqual({ type: 'array', itemType: 'integer' });
  });

  it('enum values with quotes and backslashes, as the server prints them', () => {
    expect(type("enum('a''b','c\"d','ü','x\\\\y')")).toEqual({ type: 'enum', enumValues: ["a'b", 'c"d', 'ü', 'x\\y'] });
    expect(parseEnumValues("enum('on','off')")).toEqual(['on', 'off']);
  });
});

describe('parseDefault', () => {
  const maria = (raw: string | null, t: string, columnType = t) => parseDefault({ raw, extra: '', mariadb: true }, { columnType, type: t });
  const mysql8 = (raw: string | null, t: string, extra = '', columnType = t) => parseDefault({ raw, extra, mariadb: false }, { columnType, type: t });
  const v = (value: unknown) => ({ kind: 'value', value });
  const x = (sql: string) => ({ kind: 'expression', sql });

  it('MariaDB: quoted literals, numbers, functions, NULL', () => {
    expect(maria(null, 'text')).toEqual({ kind: 'none' });
    expect(maria('NULL', 'integer')).toEqual({ kind: 'none' });
    expect(maria("'NULL'", 'string', 'varchar(9)')).toEqual(v('NULL'));
    expect(maria("'it\\'s \"q\" \\\\ b'", 'text')).toEqual(v('it\'s "q" \\ b'));
    expect(maria("'it''s'", 'string', 'varchar(9)')).toEqual(v("it's"));
    expect(maria('1.50', 'decimal', 'decimal(5,2)')).toEqual(v(1.5));
    expect(maria('12345678901234567890', 'decimal', 'decimal(20,0)')).toEqual(v('12345678901234567890'));
    expect(maria('1', 'boolean', 'tinyint(1)')).toEqual(v(true));
    expect(maria('5', 'boolean', 'tinyint(1)')).toEqual(v(5));
    expect(maria('current_timestamp(3)', 'datetime', 'datetime(3)')).toEqual(v({ $fn: 'now' }));
    expect(maria('current_timestamp()', 'datetime', 'datetime(3)')).toEqual(x('(current_timestamp())'));
    expect(maria('current_timestamp()', 'native', 'datetime')).toEqual(v({ $fn: 'now' }));
    expect(maria('curdate()', 'date')).toEqual(v({ $fn: 'now' }));
    expect(maria('uuid()', 'uuid', 'char(36)')).toEqual(v({ $fn: 'uuid' }));
    expect(maria('\'{"a":[1,"x"]}\'', 'json', 'longtext')).toEqual(v({ a: [1, 'x'] }));
    expect(maria("b'101'", 'native', 'bit(3)')).toEqual(x("b'101'"));
    expect(maria("lcase('AB')", 'string', 'varchar(9)')).toEqual(x("(lcase('AB'))"));
    expect(maria('(rand() * 10)', 'integer', 'int(11)')).toEqual(x('(rand() * 10)'));
    expect(maria('2024', 'native', 'year(4)')).toEqual(v(2024));
  });

  it('MySQL 8 (golden, not verified on a MySQL server here): bare literals, DEFAULT_GENERATED expressions', () => {
    expect(mysql8(null, 'text')).toEqual({ kind: 'none' });
    expect(mysql8("it's", 'string', '', 'varchar(9)')).toEqual(v("it's"));
    expect(mysql8('0', 'boolean', '', 'tinyint(1)')).toEqual(v(false));
    expect(mysql8('CURRENT_TIMESTAMP(3)', 'datetime', 'DEFAULT_GENERATED', 'datetime(3)')).toEqual(v({ $fn: 'now' }));
    expect(mysql8('uuid()', 'uuid', 'DEFAULT_GENERATED', 'char(36)')).toEqual(v({ $fn: 'uuid' }));
    expect(mysql8("_utf8mb4\\'[]\\'", 'json', 'DEFAULT_GENERATED')).toEqual(v([]));
    expect(mysql8("_utf8mb4\\'long\\'", 'text', 'DEFAULT_GENERATED')).toEqual(v('long'));
    expect(mysql8("b'101'", 'native', '', 'bit(3)')).toEqual(x("b'101'"));
    expect(mysql8('(1 + 2)', 'integer', 'DEFAULT_GENERATED', 'int')).toEqual(x('(1 + 2)'));
  });
});

describe('literals', () => {
  it('quote and unquote are inverse', () => {
    for (const s of ["it's", 'a\\b', '"q"', 'ü ✓ 🚀', "'';--", '\n\t']) expect(unquoteLiteral(quoteLiteral(s)).value).toBe(s);
  });
});

describe('fieldOfColumn: MySQL 8 spellings (golden, not verified on a MySQL server here)', () => {
  const ctx = { mariadb: false, nativeUuid: false, tableCollation: 'utf8mb4_0900_ai_ci', jsonChecked: false, create: '', unique: new Set<string>(), primary: new Set<string>() };
  const row = (r: Record<string, unknown>) => fieldOfColumn({ nullable: 'YES', dflt: null, extra: '', comment: '', charset: null, collation: null, generation: '', ...r }, ctx);

  it('reads what MySQL 8 prints back to the same column', () => {
    expect(row({ name: 'ts', column_type: 'timestamp(3)', nullable: 'NO', dflt: 'CURRENT_TIMESTAMP(3)', extra: 'DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)' })).toEqual({
      name: 'ts',
      type: 'native',
      native: 'timestamp(3) ON UPDATE CURRENT_TIMESTAMP(3)',
      required: true,
      default: { $fn: 'now' },
    });
    expect(row({ name: 'g', column_type: 'int', extra: 'VIRTUAL GENERATED', generation: '(`a` * 2)' })).toEqual({ name: 'g', type: 'native', native: 'int GENERATED ALWAYS AS (`a` * 2) VIRTUAL' });
    expect(row({ name: 'g2', column_type: 'varchar(9)', extra: 'STORED GENERATED', generation: "concat(`a`,_utf8mb4\\'x\\')", charset: 'utf8mb4', collation: 'utf8mb4_0900_ai_ci' })).toEqual({
      name: 'g2',
      type: 'native',
      native: 'varchar(9) GENERATED ALWAYS AS (<not kept>) STORED',
    });
    expect(row({ name: 'id', column_type: 'int unsigned', nullable: 'NO', extra: 'auto_increment' })).toEqual({ name: 'id', type: 'integer', unsigned: true, required: true, autoIncrement: true });
    expect(row({ name: 'n', column_type: 'int', nullable: 'NO', extra: 'auto_increment' })).toEqual({ name: 'n', type: 'integer', required: true, autoIncrement: true });
    expect(row({ name: 'l', column_type: 'varchar(5)', charset: 'latin1', collation: 'latin1_swedish_ci', dflt: 'x' })).toEqual({
      name: 'l',
      type: 'native',
      native: 'varchar(5) CHARACTER SET latin1 COLLATE latin1_swedish_ci',
      default: 'x',
    });
    expect(row({ name: 'y', column_type: 'year', dflt: '2024' })).toEqual({ name: 'y', type: 'native', native: 'year', default: 2024 });
    expect(row({ name: 'e', column_type: 'int', dflt: '(1 + 2)', extra: 'DEFAULT_GENERATED' })).toEqual({ name: 'e', type: 'native', native: 'int DEFAULT (1 + 2)' });
    expect(row({ name: 'c', column_type: 'int', comment: 'semi;colon' })).toEqual({ name: 'c', type: 'native', native: 'int COMMENT <not kept>' });
  });
});
