import { randomBytes } from 'node:crypto';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig, MigrationEngine } from '../../src/index.js';
import { expectDisconnectedAfterFailedConnect } from '../support/connect-checks.js';

const server = requireServer('postgres') as string | undefined;

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

// Issue 16 defect 10 on the PostgreSQL server: staging's database does not exist, so its
// connect() fails at the server; the service must not keep answering from dev.
describe.skipIf(!server)('a failed connect() on the PostgreSQL server', () => {
  const name = `ductape_sdk_conn_${randomBytes(3).toString('hex')}`;
  const url = (db: string) => Object.assign(new URL(server as string), { pathname: `/${db}` }).toString();
  const config: DuctapeConfig = {
    products: { app: { databases: { main: { adapter: '@ductape/adapter-postgres', environments: { dev: url(name), staging: url(`${name}_missing`) } } } } },
  };
  beforeAll(() => admin(`CREATE DATABASE "${name}"`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

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
