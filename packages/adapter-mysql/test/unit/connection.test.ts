import { describe, expect, it } from 'vitest';
import { DuctapeError, MigrationEngine, migration } from '@ductape/core';
import { MysqlAdapter, createAdapter, describeConnection, lockName, parseConnection, sessionSetup } from '../../src/index.js';

describe('connection settings', () => {
  it('parses mysql:// and mariadb:// URLs with encoded parts and options', () => {
    expect(parseConnection('mysql://app:p%40ss@db.local:3307/shop?connectTimeout=5000&ssl=true')).toEqual({
      host: 'db.local',
      port: 3307,
      user: 'app',
      password: 'p@ss',
      database: 'shop',
      connectTimeout: 5000,
      ssl: true,
    });
    expect(parseConnection('mariadb://root@127.0.0.1/ductape')).toMatchObject({ host: '127.0.0.1', port: 3306, user: 'root', database: 'ductape' });
    expect(parseConnection({ host: 'h', database: 'd', password: 'x' })).toMatchObject({ host: 'h', port: 3306, user: 'root', database: 'd' });
  });

  it('needs a database; never shows the password', () => {
    expect(() => parseConnection('mysql://root:secret@127.0.0.1:3306/')).toThrow(DuctapeError);
    expect(() => parseConnection('mysql://root:secret@127.0.0.1:3306/')).not.toThrow(/secret/);
    expect(describeConnection(parseConnection('mysql://root:secret@db:3306/app'))).toBe('db:3306/app');
  });

  it('a refused connection is a DUCTAPE_CONNECTION error without the password', async () => {
    const adapter = new MysqlAdapter({ connection: 'mysql://root:s3cret@127.0.0.1:1/app?connectTimeout=2000', logger: false });
    const error = await adapter.connect().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'DUCTAPE_CONNECTION' });
    expect(String((error as Error).message)).not.toContain('s3cret');
    await adapter.close();
  });

  it('createAdapter is what the sdk loads; plan needs no server', () => {
    const adapter = createAdapter({ connection: 'mysql://root@127.0.0.1:3306/app', product: 'p', database: 'main', env: 'dev' });
    expect(adapter).toBeInstanceOf(MysqlAdapter);
    expect(adapter.capabilities).toMatchObject({ transactionalDdl: false, renameField: true, modifyField: true, partialIndexes: false, rawDialects: ['mysql'] });
    expect(
      new MigrationEngine(adapter).plan(
        migration('x')
          .renameField('t', 'a', 'b', { previous: { name: 'a', type: 'string' } })
          .build(),
      ).steps,
    ).toHaveLength(1);
  });

  it('sessions run with utf8mb4, UTC, backslash escapes and a bounded lock_wait_timeout', () => {
    expect(sessionSetup(10)).toEqual([
      'SET NAMES utf8mb4',
      "SET SESSION time_zone = '+00:00'",
      "SET SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(REPLACE(REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','), ',ANSI_QUOTES,', ','), ',ANSI,', ','))",
      'SET SESSION lock_wait_timeout = 10',
    ]);
  });

  it('one GET_LOCK name per database, within 64 characters', () => {
    expect(lockName('app')).toBe('ductape_migrations.app');
    expect(lockName('x'.repeat(64))).toHaveLength(64);
  });
});
