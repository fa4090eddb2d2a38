import { UnsupportedOperationError } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { columnType } from '../../src/compile/column-type.js';
import { MARIADB_DIALECT, MYSQL_DIALECT } from '../../src/mysql-compile-settings.js';

// Issue 25: a native type says which database it is for; a direct compile refuses another's, naming both.
describe('native type dialect (MySQL family)', () => {
  it('runs its own and MySQL’s on MariaDB; refuses another database’s before any IO', () => {
    expect(columnType({ type: 'native', native: 'mediumtext', dialect: 'mysql' }, MYSQL_DIALECT)).toBe('mediumtext');
    expect(columnType({ type: 'native', native: 'mediumtext', dialect: 'mysql' }, MARIADB_DIALECT)).toBe('mediumtext');
    expect(columnType({ type: 'native', native: 'inet6', dialect: 'mariadb' }, MARIADB_DIALECT)).toBe('inet6');
    expect(() => columnType({ type: 'native', native: 'inet6', dialect: 'mariadb' }, MYSQL_DIALECT)).toThrow(/"inet6" declared for mariadb.*runs mysql/);
    expect(() => columnType({ type: 'native', native: 'counter', dialect: 'cassandra' }, MARIADB_DIALECT)).toThrow(UnsupportedOperationError);
    expect(() => columnType({ type: 'native', native: 'citext', dialect: 'postgresql' }, MYSQL_DIALECT)).toThrow(/declared for postgresql/);
    // Without a dialect: checked against the MySQL grammar only, as before.
    expect(columnType({ type: 'native', native: 'year' }, MYSQL_DIALECT)).toBe('year');
  });
});
