import { describe, expect, it } from 'vitest';
import { UnsupportedOperationError, ValidationError } from '@ductape/core';
import { build, compileAll, mariadb, mysql } from '../support/compile-helpers.js';
import { MARIADB_DIALECT } from '../../src/shared.js';

describe('every core op (MySQL 8, online by default)', () => {
  it('addField: INSTANT, then INPLACE, then a logged COPY', () => {
    expect(mysql({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` ADD COLUMN \`phone\` VARCHAR(20) NULL, ALGORITHM=INSTANT
        ↳ ALTER TABLE \`users\` ADD COLUMN \`phone\` VARCHAR(20) NULL, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`users\` ADD COLUMN \`phone\` VARCHAR(20) NULL, ALGORITHM=COPY",
      ]
    `);
  });

  it('addField with a unique key starts in place', () => {
    expect(mysql({ type: 'addField', collection: 'users', field: { name: 'token', type: 'uuid', unique: true, required: true } })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` ADD COLUMN \`token\` CHAR(36) NOT NULL, ADD UNIQUE KEY \`users_token_key\` (\`token\`), ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`users\` ADD COLUMN \`token\` CHAR(36) NOT NULL, ADD UNIQUE KEY \`users_token_key\` (\`token\`), ALGORITHM=COPY",
      ]
    `);
  });

  it('dropField', () => {
    expect(mysql({ type: 'dropField', collection: 'users', field: 'old' })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` DROP COLUMN \`old\`, ALGORITHM=INSTANT
        ↳ ALTER TABLE \`users\` DROP COLUMN \`old\`, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`users\` DROP COLUMN \`old\`, ALGORITHM=COPY",
      ]
    `);
  });

  it('renameField: RENAME COLUMN', () => {
    expect(mysql({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` RENAME COLUMN \`name\` TO \`full_name\`, ALGORITHM=INSTANT
        ↳ ALTER TABLE \`users\` RENAME COLUMN \`name\` TO \`full_name\`, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`users\` RENAME COLUMN \`name\` TO \`full_name\`, ALGORITHM=COPY",
      ]
    `);
  });

  it('modifyField: MODIFY COLUMN with previous merged with the changes (NOT NULL, DEFAULT kept)', () => {
    expect(
      mysql({
        type: 'modifyField',
        collection: 'users',
        field: 'email',
        changes: { length: 500 },
        previous: { name: 'email', type: 'string', length: 255, required: true, default: 'none', unique: true },
      }),
    ).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` MODIFY COLUMN \`email\` VARCHAR(500) NOT NULL DEFAULT 'none', ALGORITHM=INSTANT
        ↳ ALTER TABLE \`users\` MODIFY COLUMN \`email\` VARCHAR(500) NOT NULL DEFAULT 'none', ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`users\` MODIFY COLUMN \`email\` VARCHAR(500) NOT NULL DEFAULT 'none', ALGORITHM=COPY",
      ]
    `);
  });

  it('modifyField: unique and primary key changes go in the same statement', () => {
    expect(
      mysql({ type: 'modifyField', collection: 'users', field: 'code', changes: { unique: null, primaryKey: true }, previous: { name: 'code', type: 'integer', unique: true } }),
    ).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` MODIFY COLUMN \`code\` INT NOT NULL, DROP INDEX \`users_code_key\`, ADD PRIMARY KEY (\`code\`), ALGORITHM=INSTANT
        ↳ ALTER TABLE \`users\` MODIFY COLUMN \`code\` INT NOT NULL, DROP INDEX \`users_code_key\`, ADD PRIMARY KEY (\`code\`), ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`users\` MODIFY COLUMN \`code\` INT NOT NULL, DROP INDEX \`users_code_key\`, ADD PRIMARY KEY (\`code\`), ALGORITHM=COPY",
      ]
    `);
  });

  it('modifyField without previous is refused (MODIFY COLUMN would drop attributes)', () => {
    expect(() => mysql({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500 } })).toThrow(ValidationError);
    expect(() => mysql({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500 } })).toThrow(/needs the field's previous definition/);
  });

  it('createIndex: in place with LOCK=NONE; concurrently true insists, false leaves it to the server', () => {
    const base = { type: 'createIndex', collection: 'users', name: 'idx_users_email', fields: [{ name: 'email' }, { name: 'created_at', order: 'DESC' }] } as const;
    expect(mysql(base)).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` ADD INDEX \`idx_users_email\` (\`email\`, \`created_at\` DESC), ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`users\` ADD INDEX \`idx_users_email\` (\`email\`, \`created_at\` DESC), ALGORITHM=COPY",
      ]
    `);
    expect(mysql({ ...base, unique: true, concurrently: true })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` ADD UNIQUE INDEX \`idx_users_email\` (\`email\`, \`created_at\` DESC), ALGORITHM=INPLACE, LOCK=NONE",
      ]
    `);
    expect(mysql({ ...base, concurrently: false, using: 'hash' })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` ADD INDEX \`idx_users_email\` (\`email\`, \`created_at\` DESC) USING HASH",
      ]
    `);
    expect(mysql({ ...base, fields: [{ name: 'bio' }], using: 'fulltext' })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` ADD FULLTEXT INDEX \`idx_users_email\` (\`bio\`), ALGORITHM=INPLACE, LOCK=SHARED
        ↳ [blocks writes] ALTER TABLE \`users\` ADD FULLTEXT INDEX \`idx_users_email\` (\`bio\`), ALGORITHM=COPY",
      ]
    `);
  });

  it('createIndex refuses partial and TTL indexes', () => {
    expect(() => mysql({ type: 'createIndex', collection: 'users', name: 'ix', fields: [{ name: 'a' }], where: 'a > 0' })).toThrow(/no partial indexes/);
    expect(() => mysql({ type: 'createIndex', collection: 'users', name: 'ix', fields: [{ name: 'a' }], expireAfterSeconds: 5 })).toThrow(/no TTL/);
  });

  it('dropIndex', () => {
    expect(mysql({ type: 'dropIndex', collection: 'users', name: 'idx_users_email' })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` DROP INDEX \`idx_users_email\`, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`users\` DROP INDEX \`idx_users_email\`, ALGORITHM=COPY",
      ]
    `);
  });

  it('addConstraint: foreign key, unique, check, primary key', () => {
    expect(
      mysql({
        type: 'addConstraint',
        collection: 'posts',
        constraint: { name: 'fk_posts_author', type: 'foreignKey', columns: ['author_id'], references: { table: 'users', columns: ['id'], onDelete: 'CASCADE', onUpdate: 'SET NULL' } },
      }),
    ).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` ADD CONSTRAINT \`fk_posts_author\` FOREIGN KEY (\`author_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE SET NULL, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` ADD CONSTRAINT \`fk_posts_author\` FOREIGN KEY (\`author_id\`) REFERENCES \`users\` (\`id\`) ON DELETE CASCADE ON UPDATE SET NULL, ALGORITHM=COPY",
      ]
    `);
    expect(mysql({ type: 'addConstraint', collection: 'posts', constraint: { name: 'uq_posts_slug', type: 'unique', columns: ['blog_id', 'slug'] } })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` ADD CONSTRAINT \`uq_posts_slug\` UNIQUE KEY \`uq_posts_slug\` (\`blog_id\`, \`slug\`) COMMENT 'ductape:unique-constraint', ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` ADD CONSTRAINT \`uq_posts_slug\` UNIQUE KEY \`uq_posts_slug\` (\`blog_id\`, \`slug\`) COMMENT 'ductape:unique-constraint', ALGORITHM=COPY",
      ]
    `);
    expect(mysql({ type: 'addConstraint', collection: 'posts', constraint: { name: 'ck_posts_n', type: 'check', expression: 'n > 0' } })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` ADD CONSTRAINT \`ck_posts_n\` CHECK (n > 0), ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` ADD CONSTRAINT \`ck_posts_n\` CHECK (n > 0), ALGORITHM=COPY",
      ]
    `);
    expect(mysql({ type: 'addConstraint', collection: 'posts', constraint: { name: 'pk', type: 'primaryKey', columns: ['id'] } })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` ADD PRIMARY KEY (\`id\`), ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` ADD PRIMARY KEY (\`id\`), ALGORITHM=COPY",
      ]
    `);
  });

  it('dropConstraint: by the type of previous; a foreign key also drops the index MySQL made for it', () => {
    expect(
      mysql({
        type: 'dropConstraint',
        collection: 'posts',
        name: 'fk_posts_author',
        previous: { name: 'fk_posts_author', type: 'foreignKey', columns: ['author_id'], references: { table: 'users', columns: ['id'] } },
      }),
    ).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` DROP FOREIGN KEY \`fk_posts_author\`, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` DROP FOREIGN KEY \`fk_posts_author\`, ALGORITHM=COPY",
        "dropIndexIfPresent {"table":"posts","name":"fk_posts_author"}",
      ]
    `);
    expect(mysql({ type: 'dropConstraint', collection: 'posts', name: 'uq_posts_slug', previous: { name: 'uq_posts_slug', type: 'unique', columns: ['slug'] } })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` DROP INDEX \`uq_posts_slug\`, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` DROP INDEX \`uq_posts_slug\`, ALGORITHM=COPY",
      ]
    `);
    expect(mysql({ type: 'dropConstraint', collection: 'posts', name: 'ck_posts_n', previous: { name: 'ck_posts_n', type: 'check', expression: 'n > 0' } })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` DROP CONSTRAINT \`ck_posts_n\`, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` DROP CONSTRAINT \`ck_posts_n\`, ALGORITHM=COPY",
      ]
    `);
    expect(mysql({ type: 'dropConstraint', collection: 'posts', name: 'PRIMARY', previous: { name: 'PRIMARY', type: 'primaryKey', columns: ['id'] } })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` DROP PRIMARY KEY, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` DROP PRIMARY KEY, ALGORITHM=COPY",
      ]
    `);
    expect(mysql({ type: 'dropConstraint', collection: 'posts', name: 'whatever' })).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`posts\` DROP CONSTRAINT \`whatever\`, ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`posts\` DROP CONSTRAINT \`whatever\`, ALGORITHM=COPY",
      ]
    `);
  });

  it('dropCollection, with cascade', () => {
    expect(mysql({ type: 'dropCollection', name: 'users' })).toMatchInlineSnapshot(`
      [
        "DROP TABLE \`users\`",
      ]
    `);
    expect(mysql({ type: 'dropCollection', name: 'users', cascade: true })).toMatchInlineSnapshot(`
      [
        "dropReferencingForeignKeys {"table":"users"}",
        "DROP TABLE \`users\`",
      ]
    `);
  });

  it('raw: mysql on both adapters, mariadb on MariaDB only', () => {
    expect(mysql({ type: 'raw', dialect: 'mysql', sql: 'OPTIMIZE TABLE `users`' })).toEqual(['OPTIMIZE TABLE `users`']);
    expect(mariadb({ type: 'raw', dialect: 'mysql', sql: 'SELECT 1' })).toEqual(['SELECT 1']);
    expect(mariadb({ type: 'raw', dialect: 'mariadb', sql: 'CREATE SEQUENCE s' })).toEqual(['CREATE SEQUENCE s']);
    expect(() => mysql({ type: 'raw', dialect: 'mariadb', sql: 'CREATE SEQUENCE s' })).toThrow(UnsupportedOperationError);
    expect(() => mysql({ type: 'raw', dialect: 'postgresql', sql: 'SELECT 1' })).toThrow(UnsupportedOperationError);
  });
});

describe('online DDL is skipped where it is pointless or turned off', () => {
  it('a table created earlier in the same migration is altered with plain DDL', () => {
    const m = build(
      'create_users',
      {
        type: 'createCollection',
        name: 'users',
        fields: [
          { name: 'id', type: 'integer', primaryKey: true, autoIncrement: true },
          { name: 'email', type: 'string' },
        ],
      },
      { type: 'createIndex', collection: 'users', name: 'idx_users_email', fields: [{ name: 'email' }], unique: true },
    );
    expect(compileAll(m)).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`users\` (
        \`id\` INT NOT NULL AUTO_INCREMENT,
        \`email\` VARCHAR(255) NULL,
        PRIMARY KEY (\`id\`)
      )",
        "ALTER TABLE \`users\` ADD UNIQUE INDEX \`idx_users_email\` (\`email\`)",
      ]
    `);
    expect(compileAll(m, 'down')).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`users\` DROP INDEX \`idx_users_email\`",
        "DROP TABLE \`users\`",
      ]
    `);
  });

  it('a new table renamed in the same migration is still new; one renamed before its drop is still dropped', () => {
    const renamed = build(
      'create_then_rename',
      {
        type: 'createCollection',
        name: 'a',
        fields: [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'email', type: 'string' },
        ],
      },
      { type: 'renameCollection', from: 'a', to: 'b' },
      { type: 'createIndex', collection: 'b', name: 'idx_b_email', fields: [{ name: 'email' }] },
    );
    expect(compileAll(renamed).at(-1)).toBe('ALTER TABLE `b` ADD INDEX `idx_b_email` (`email`)');
    const dropped = build(
      'index_then_drop',
      { type: 'createIndex', collection: 'a', name: 'idx_a_email', fields: [{ name: 'email' }] },
      { type: 'renameCollection', from: 'a', to: 'b' },
      {
        type: 'dropCollection',
        name: 'b',
        previous: {
          name: 'b',
          fields: [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'email', type: 'string' },
          ],
        },
      },
    );
    expect(compileAll(dropped)[0]).toBe('ALTER TABLE `a` ADD INDEX `idx_a_email` (`email`)');
  });

  it('{ online: false } drops the ALGORITHM clauses', () => {
    expect(mysql({ type: 'dropField', collection: 'users', field: 'old' }, { online: false })).toEqual(['ALTER TABLE `users` DROP COLUMN `old`']);
  });
});

describe('identifiers and literals', () => {
  it('quotes backticks, quotes, unicode and reserved words; escapes literals', () => {
    expect(
      mysql({
        type: 'createCollection',
        name: 'odd `name` ü',
        fields: [
          { name: 'select', type: 'integer', primaryKey: true },
          { name: "it's", type: 'enum', enumValues: ["a'b", 'c\\d', 'ü'], default: "a'b" },
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`odd \`\`name\`\` ü\` (
        \`select\` INT NOT NULL,
        \`it's\` ENUM('a''b','c\\\\d','ü') NULL DEFAULT 'a''b',
        PRIMARY KEY (\`select\`)
      )",
      ]
    `);
  });

  it('MariaDB writes the same SQL apart from the UUID type', () => {
    const m = build('m', { type: 'addField', collection: 't', field: { name: 'ref', type: 'uuid', default: { $fn: 'uuid' } } });
    expect(compileAll(m, 'up', MARIADB_DIALECT)).toMatchInlineSnapshot(`
      [
        "ALTER TABLE \`t\` ADD COLUMN \`ref\` UUID NULL DEFAULT (UUID()), ALGORITHM=INSTANT
        ↳ ALTER TABLE \`t\` ADD COLUMN \`ref\` UUID NULL DEFAULT (UUID()), ALGORITHM=INPLACE, LOCK=NONE
        ↳ [blocks writes] ALTER TABLE \`t\` ADD COLUMN \`ref\` UUID NULL DEFAULT (UUID()), ALGORITHM=COPY",
      ]
    `);
  });
});
