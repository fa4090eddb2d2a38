import { requireServer } from '@ductape/services/require-server';
import { describe, expect, it } from 'vitest';
import { MigrationEngine, migration } from '@ductape/core';
// The behaviour checks are the MySQL family's, shared with @ductape/adapter-mysql's tests.
import { familySuites } from '../../../adapter-mysql/test/support/family-suites.js';
import { settleSuite } from '../../../adapter-mysql/test/support/settle-suite.js';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter (mariadb connector)', () => {
  familySuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_family'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
  settleSuite({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_settle'),
    adapter: (connection, logger, extra) => new MariadbAdapter({ connection, logger, ...extra }),
  });

  it('uses the native UUID type (10.7+) and reads MariaDB JSON (LONGTEXT + json_valid) back as json', async () => {
    const db = await tempDatabase(url as string, 'mariadb_types');
    const adapter = new MariadbAdapter({ connection: db.url, logger: false });
    try {
      await adapter.connect();
      expect(adapter.dialect).toEqual({ flavor: 'mariadb', nativeUuid: true });
      const m = migration('uuid_json')
        .createCollection('docs', { id: { type: 'uuid', primaryKey: true, default: { $fn: 'uuid' } }, body: { type: 'json', required: true } })
        .build();
      await new MigrationEngine(adapter).up(m);
      const [col] = await db.query("SELECT DATA_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'docs' AND COLUMN_NAME = 'id'");
      expect(col?.t).toBe('uuid');
      await expect(db.query("INSERT INTO `docs` (`body`) VALUES ('{not json')")).rejects.toThrow(/CONSTRAINT|check/i);
      expect((await adapter.introspect('docs'))?.fields).toEqual([
        { name: 'id', type: 'uuid', primaryKey: true, default: { $fn: 'uuid' } },
        { name: 'body', type: 'json', required: true },
      ]);
    } finally {
      await adapter.close();
      await db.drop();
    }
  });
});
