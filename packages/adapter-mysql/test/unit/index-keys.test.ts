import { describe, expect, it } from 'vitest';
import { MigrationHelpers, ValidationError, migration, type Migration } from '@ductape/core';
import { IndexKeyTooLongError } from '../../src/compile/index-key-error.js';
import { uniqueKeyName } from '../../src/compile/unique-key-name.js';
import { MARIADB_DIALECT, MYSQL_DIALECT, compileMysql, type MysqlDialect } from '../../src/shared.js';
import { compileAll } from '../support/compile-helpers.js';

const AT = new Date('2024-01-15T14:30:52Z');

/** Compiles every up op of `m` for `dialect`; the first error thrown, if any. */
function compileError(m: Migration, dialect: MysqlDialect = MYSQL_DIALECT): unknown {
  try {
    m.up.forEach((op, index) => compileMysql(op, { migration: m, direction: 'up', index, options: {} }, dialect));
    return undefined;
  } catch (error) {
    return error;
  }
}

const posts = () =>
  migration('posts')
    .at(AT)
    .createCollection('posts', {
      id: { type: 'integer', primaryKey: true },
      title: { type: 'string', length: 255 },
      big: { type: 'string', length: 1000 },
      body: 'text',
      data: 'json',
      n: 'integer',
    });

describe("portable unique names: a field's unique key is <table>_<column>_key, as PostgreSQL names it", () => {
  it('create table, add column and modify column use the portable name', () => {
    const m = migration('u')
      .at(AT)
      .createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', unique: true } })
      .addField('users', 'handle', { type: 'string', length: 40, unique: true })
      .modifyField('users', 'email', { unique: null }, { previous: { name: 'email', type: 'string', unique: true } })
      .build();
    const sql = compileAll(m, 'up', MARIADB_DIALECT).join('\n');
    expect(sql).toContain('UNIQUE KEY `users_email_key` (`email`)');
    expect(sql).toContain('ADD UNIQUE KEY `users_handle_key` (`handle`)');
    expect(sql).toContain('DROP INDEX `users_email_key`');
  });

  it('a name over 63 bytes is cut as @ductape/adapter-postgres cuts it (names from its derivedName)', () => {
    const table = 'a_really_long_table_name_that_goes_on_and_on_for_ever_more';
    expect(uniqueKeyName(table, 'an_even_longer_column_name_that_is_very_very_long_indeed')).toBe('a_really_long_table_name_that_goes_on_and_on_for_e_a295c37c_key');
    expect(uniqueKeyName(table, 'émail')).toBe('a_really_long_table_name_that_goes_on_and_on_for_e_07386ac8_key');
    expect(uniqueKeyName('ü'.repeat(30), 'é'.repeat(10))).toBe('üüüüüüüüüüüüüüüüüüüüüüüüü_c5153ae0_key');
    expect(uniqueKeyName('users', 'email')).toBe('users_email_key');
  });
});

describe('index key length: refused before any IO when the migration defines the columns', () => {
  it('a composite index with a TEXT column and no prefix: IndexKeyTooLongError naming the column and a length', () => {
    const error = compileError(posts().createIndex('posts', 'ix_posts_title_body', ['title', 'body']).build());
    expect(error).toBeInstanceOf(IndexKeyTooLongError);
    expect(error).toMatchObject({ code: 'DUCTAPE_VALIDATION', table: 'posts', index: 'ix_posts_title_body', column: 'body', suggestedLength: 513 });
    expect(String((error as Error).message)).toMatch(/"body".*TEXT can only be indexed by a prefix/);
    expect((error as IndexKeyTooLongError).hint).toMatch(/length: 513.*nothing was changed/);
  });

  it('the prefix compiles to `col`(n) and passes', () => {
    const m = posts()
      .createIndex('posts', 'ix_posts_title_body', ['title', { name: 'body', length: 100 }])
      .build();
    expect(compileError(m)).toBeUndefined();
    // The table is new in this migration, so no ALGORITHM clause.
    expect(compileAll(m).at(-1)).toBe('ALTER TABLE `posts` ADD INDEX `ix_posts_title_body` (`title`, `body`(100))');
  });

  it('a key over 3072 bytes (utf8mb4: 4 a character) is refused, the widest column named', () => {
    expect(compileError(posts().createIndex('posts', 'ix', ['title', 'big']).build())).toMatchObject({ column: 'big', suggestedLength: 513 });
    // MariaDB would silently shorten a one-column key to big(768): refused as well.
    expect(compileError(posts().createIndex('posts', 'ix', ['big']).build(), MARIADB_DIALECT)).toMatchObject({ column: 'big', suggestedLength: 768 });
    // A table declared latin1 has 1-byte characters: the same key fits.
    const latin = migration('l')
      .at(AT)
      .createCollection('l', { id: 'integer', big: { type: 'string', length: 1000 } }, { sqlOptions: { charset: 'latin1' } })
      .createIndex('l', 'ix', ['big'])
      .build();
    expect(compileError(latin)).toBeUndefined();
  });

  it('a prefix on a number, a prefix longer than the column, a JSON column on MySQL, a prefix on FULLTEXT', () => {
    expect(
      compileError(
        posts()
          .createIndex('posts', 'ix', [{ name: 'n', length: 4 }])
          .build(),
      ),
    ).toMatchObject({ column: 'n' });
    expect(
      compileError(
        posts()
          .createIndex('posts', 'ix', [{ name: 'title', length: 300 }])
          .build(),
      ),
    ).toMatchObject({ column: 'title', suggestedLength: 255 });
    expect(compileError(posts().createIndex('posts', 'ix', ['data']).build())).toMatchObject({ column: 'data' });
    expect(
      compileError(
        posts()
          .createIndex('posts', 'ix', [{ name: 'data', length: 50 }])
          .build(),
        MARIADB_DIALECT,
      ),
    ).toBeUndefined();
    expect(
      compileError(
        posts()
          .createIndex('posts', 'ix', [{ name: 'body', length: 10 }], { using: 'fulltext' })
          .build(),
      ),
    ).toBeInstanceOf(ValidationError);
    expect(compileError(posts().createIndex('posts', 'ix', ['body'], { using: 'fulltext' }).build())).toBeUndefined();
  });

  it('MariaDB makes a unique key too long for a B-tree a hash index: allowed there, refused on MySQL', () => {
    const m = posts().createIndex('posts', 'uq', ['body'], { unique: true }).build();
    expect(compileError(m, MARIADB_DIALECT)).toBeUndefined();
    expect(compileError(m, MYSQL_DIALECT)).toBeInstanceOf(IndexKeyTooLongError);
    const field = migration('f')
      .at(AT)
      .createCollection('f', { id: 'integer', body: { type: 'text', unique: true } })
      .build();
    expect(compileError(field, MYSQL_DIALECT)).toMatchObject({ index: 'f_body_key', column: 'body' });
  });

  it('columns come from earlier ops of the migration (add, rename, modify); an unknown table is left to the step', () => {
    const m = migration('later').at(AT).addField('old', 'note', 'text').renameField('old', 'note', 'remark').createIndex('old', 'ix_remark', ['remark']).build();
    expect(compileError(m)).toMatchObject({ column: 'remark' });
    const unknown = migration('unknown').at(AT).createIndex('old', 'ix', ['whatever']).build();
    expect(compileError(unknown)).toBeUndefined();
    const step = compileMysql(unknown.up[0]!, { migration: unknown, direction: 'up', index: 0, options: {} })[0];
    expect(step).toMatchObject({ keyCheck: { table: 'old', index: 'ix', fields: [{ name: 'whatever' }] } });
  });

  it('core validates `length`: a positive integer', () => {
    const bad = { name: 'x', tag: '20240115143052', up: [{ type: 'createIndex', collection: 't', name: 'i', fields: [{ name: 'a', length: 0 }] }], down: [] };
    expect(MigrationHelpers.validationIssues(bad).map((i) => i.code)).toContain('invalid_index_length');
  });
});
