import { afterAll, beforeAll } from 'vitest';
import { MigrationEngine, type Adapter } from '@ductape/core';
import type { FamilyTarget } from './family-suites.js';
import type { TempDatabase } from './temp-database.js';

/** A scratch database with one connected adapter and its engine, for one describe block. */
export interface ServerSession {
  db: TempDatabase;
  adapter: Adapter;
  engine: MigrationEngine;
}

/**
 * Registers the hooks that make the session before the block's tests and drop it after them;
 * its fields are set once the first beforeAll has run.
 * @example const s = serverSession(target); it('…', async () => { await s.engine.up(m); });
 */
export function serverSession(target: FamilyTarget): ServerSession {
  const s = {} as ServerSession;
  beforeAll(async () => {
    s.db = await target.database();
    s.adapter = target.adapter(s.db.url, false);
    await s.adapter.connect();
    s.engine = new MigrationEngine(s.adapter);
  });
  afterAll(async () => {
    await s.adapter?.close().catch(() => undefined);
    await s.db?.drop();
  });
  return s;
}

/**
 * The server's own CREATE TABLE text of `table`.
 * @example expect(await showCreate(db, 'child')).toContain('KEY `child_parent_id`');
 */
export async function showCreate(db: TempDatabase, table: string): Promise<string> {
  const [row] = await db.query(`SHOW CREATE TABLE \`${table}\``);
  return String(Object.values(row ?? {})[1]);
}
