import { randomBytes } from 'node:crypto';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { postgresTarget } from '../support/postgres-target.js';
import { updateCheckCases } from '../support/update-checks.js';

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

// Issue 16 defect 9 on the PostgreSQL server: the driver's 22P02 / 22001 never reach the caller.
describe.skipIf(!server)('db.update checks values and operators against the column types (PostgreSQL server)', () => {
  const name = `ductape_sdk_upd_${randomBytes(3).toString('hex')}`;
  beforeAll(() => admin(`CREATE DATABASE "${name}"`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  updateCheckCases(postgresTarget(Object.assign(new URL(server as string), { pathname: `/${name}` }).toString()));
});
