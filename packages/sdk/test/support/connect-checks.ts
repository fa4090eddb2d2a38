import { expect } from 'vitest';
import type { DatabaseService, MigrationEngine } from '../../src/index.js';

/**
 * Connects `db` to `failing` (which must fail) and checks that the service is then disconnected:
 * the engine made from getAdapter(), db.schema, db.update and getAdapter() refuse with
 * DUCTAPE_NOT_CONNECTED naming the failed connect, instead of answering from the previous env.
 */
export async function expectDisconnectedAfterFailedConnect(db: DatabaseService, engine: MigrationEngine, failing: { env: string; product: string; database: string }): Promise<void> {
  await expect(db.connect(failing)).rejects.toThrow();
  const history = (await engine.getHistory().catch((e: Error) => e)) as Error;
  expect(history).toMatchObject({ code: 'DUCTAPE_NOT_CONNECTED' });
  expect(history.message).toContain(`the last connect({ env: "${failing.env}", product: "${failing.product}", database: "${failing.database}" }) failed, so none is connected`);
  expect(history.message).toContain('call `await db.connect({ env, product, database })` again');
  await expect(db.schema.create('t2', { id: 'uuid' })).rejects.toMatchObject({ code: 'DUCTAPE_NOT_CONNECTED' });
  await expect(db.update({ table: 't', data: { v: 1 } })).rejects.toMatchObject({ code: 'DUCTAPE_NOT_CONNECTED' });
  expect(() => db.getAdapter()).toThrow(/failed, so none is connected/);
}
