import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgAdmin, pgDatabaseName, pgServer, pgUrl } from '../support/pg-server.js';
import { DatabaseService, type DuctapeConfig, MigrationEngine } from '../../src/index.js';
import { expectDisconnectedAfterFailedConnect } from '../support/connect-checks.js';

const server = pgServer;

// Issue 16 defect 10 on the PostgreSQL server: staging's database does not exist, so its
// connect() fails at the server; the service must not keep answering from dev.
describe.skipIf(!server)('a failed connect() on the PostgreSQL server', () => {
  const name = pgDatabaseName('ductape_sdk_conn');
  const url = pgUrl;
  const config: DuctapeConfig = {
    products: { app: { databases: { main: { adapter: '@ductape/adapter-postgres', environments: { dev: url(name), staging: url(`${name}_missing`) } } } } },
  };
  beforeAll(() => pgAdmin(`CREATE DATABASE "${name}"`));
  afterAll(() => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('leaves the service disconnected instead of answering from dev', async () => {
    const db = new DatabaseService({ config, vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    const engine = new MigrationEngine(db.getAdapter());
    await db.schema.create('t', { id: { type: 'uuid', primaryKey: true }, v: 'integer' });
    await expectDisconnectedAfterFailedConnect(db, engine, { env: 'staging', product: 'app', database: 'main' });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    expect((await engine.getHistory()).map((h) => h.name)).toEqual(['create_t']);
    await db.disconnect();
  });
});
