import { randomBytes } from 'node:crypto';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DatabaseService } from '../../src/index.js';
import { configFor } from '../support/postgres-target.js';
import { expectRefusedIntentLeavesNoRow } from '../support/schema-refusal.js';

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

// Issue 16 defect 12 on the PostgreSQL server: the server refuses ADD COLUMN … NOT NULL on a
// table with rows; the refused db.schema call must leave no failed history row.
describe.skipIf(!server)('a refused db.schema call on the PostgreSQL server', () => {
  const name = `ductape_sdk_refuse_${randomBytes(3).toString('hex')}`;
  beforeAll(() => admin(`CREATE DATABASE "${name}"`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('leaves no failed history row and changes nothing', async () => {
    const db = new DatabaseService({ config: configFor(Object.assign(new URL(server as string), { pathname: `/${name}` }).toString()), vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    await expectRefusedIntentLeavesNoRow(db);
    await db.disconnect();
  });
});
