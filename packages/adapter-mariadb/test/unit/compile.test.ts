import { describe, expect, it } from 'vitest';
import { migration, type Operation } from '@ductape/core';
import { mariadbDialectFor, parseServerVersion } from '@ductape/adapter-mysql/shared';
import { MariadbAdapter, compileMariadb } from '../../src/index.js';

function compile(op: Operation, version?: string): string[] {
  const m = migration('one').at(new Date('2024-01-15T14:30:52Z')).operation(op).build();
  const dialect = version ? mariadbDialectFor(parseServerVersion(version)) : undefined;
  return compileMariadb(op, { migration: m, direction: 'up', index: 0, options: {} }, dialect).map((s) => (s.kind === 'statement' ? s.text : s.kind));
}

describe('MariaDB compile (shared MySQL-family compiler, MariaDB dialect)', () => {
  it('uuid is the native UUID type from 10.7, CHAR(36) before', () => {
    const op: Operation = {
      type: 'createCollection',
      name: 'users',
      fields: [
        { name: 'id', type: 'uuid', primaryKey: true, default: { $fn: 'uuid' } },
        { name: 'meta', type: 'json' },
      ],
    };
    expect(compile(op)).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`users\` (
        \`id\` UUID NOT NULL DEFAULT (UUID()),
        \`meta\` JSON NULL,
        PRIMARY KEY (\`id\`)
      )",
      ]
    `);
    expect(compile(op, '10.6.16-MariaDB')).toMatchInlineSnapshot(`
      [
        "CREATE TABLE \`users\` (
        \`id\` CHAR(36) NOT NULL DEFAULT (UUID()),
        \`meta\` JSON NULL,
        PRIMARY KEY (\`id\`)
      )",
      ]
    `);
  });

  it('runs raw mariadb and mysql SQL, and claims no transactional DDL', () => {
    expect(compile({ type: 'raw', dialect: 'mariadb', sql: 'CREATE SEQUENCE s START WITH 100' })).toEqual(['CREATE SEQUENCE s START WITH 100']);
    const adapter = new MariadbAdapter({ connection: 'mariadb://root@127.0.0.1:3306/app' });
    expect(adapter.capabilities).toMatchObject({ transactionalDdl: false, rawDialects: ['mariadb', 'mysql'], partialIndexes: false, renameCollection: true });
    expect(compile({ type: 'renameCollection', from: 'a', to: 'b' })).toEqual(['RENAME TABLE `a` TO `b`']);
    expect(adapter.name).toBe('mariadb');
  });
});
