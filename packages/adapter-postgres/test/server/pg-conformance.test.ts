import { describe, it } from 'vitest';
import { runAdapterConformance } from '@ductape/adapter-testkit';
import { PostgresAdapter } from '../../src/index.js';
import { pgTarget } from '../support/pg-target.js';
import { postgresUrl } from '../support/postgres-url.js';
import { createTempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

if (server) {
  runAdapterConformance('postgres (pg server)', async () => {
    const db = await createTempDatabase(server, 'conf');
    return pgTarget(() => new PostgresAdapter({ url: db.url }), { teardown: () => db.drop() });
  });
  runAdapterConformance('postgres (pg server, schema "app ✓", online: false)', async () => {
    const db = await createTempDatabase(server, 'conf2');
    return pgTarget(() => new PostgresAdapter({ url: db.url, schema: 'app ✓', online: false }), { teardown: () => db.drop() }, 'app ✓');
  });
} else {
  describe.skip('postgres (pg server): adapter conformance', () => it('needs `pnpm services:up postgres`', () => undefined));
}
