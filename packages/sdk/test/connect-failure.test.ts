import { describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig, MigrationEngine } from '../src/index.js';
import { expectDisconnectedAfterFailedConnect } from './support/connect-checks.js';

// Issue 16 defect 10: a connect() that fails leaves the service disconnected, never on the
// previous environment.
let seq = 0;
function config(staging: string): DuctapeConfig {
  const id = `${Date.now()}-${seq++}`;
  return { products: { app: { databases: { main: { adapter: '@ductape/core/testing', environments: { dev: `memory://dev-${id}`, staging } } } } } };
}

describe('a failed connect()', () => {
  it('leaves the service disconnected: getHistory, db.schema and db.update refuse instead of answering from dev', async () => {
    const db = new DatabaseService({ config: config('${env:STAGING_URL}'), vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    const engine = new MigrationEngine(db.getAdapter());
    await db.schema.create('t', { id: 'uuid' });
    await expectDisconnectedAfterFailedConnect(db, engine, { env: 'staging', product: 'app', database: 'main' });
    // connect() again (to dev) works, and answers from dev
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    expect((await engine.getHistory()).map((h) => h.name)).toEqual(['create_t']);
  });

  it('bad arguments to connect() also disconnect, and say what is missing', async () => {
    const db = new DatabaseService({ config: config('memory://s'), vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    const error = (await db.connect({} as never).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'DUCTAPE_INVALID_ARGUMENT' });
    expect(error.message).toContain('connect() is missing env, product and database');
    expect(error.message).toContain("db.connect({ env: 'dev', product: 'my-app', database: 'main-db' })");
    expect(error.message).not.toContain('undefined');
    const partial = (await db.connect({ env: 'dev' } as never).catch((e: Error) => e)) as Error;
    expect(partial.message).toContain('connect() is missing product and database (it got env)');
    expect(() => db.getAdapter()).toThrow(/DUCTAPE|connected/);
    await expect(db.schema.create('t', { id: 'uuid' })).rejects.toMatchObject({ code: 'DUCTAPE_NOT_CONNECTED' });
  });
});
