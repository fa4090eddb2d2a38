import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PostgresAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { roundTripEveryColumn, roundTripIssueColumns, type RunSql } from '../support/round-trip.js';
import { createTempDatabase, type TempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

// Issue 16 defect 8: a dropped column's recorded down must recreate the very same column, as the
// server's own catalog (information_schema.columns + format_type + pg_constraint) describes it.
describe.skipIf(!server)('postgres (pg server): every column type round-trips through introspect → dropField → down', () => {
  let db: TempDatabase;
  let client: pg.Client;
  let adapter: PostgresAdapter;
  const run: RunSql = async (text, params) => (await client.query(text, params)).rows as Record<string, unknown>[];

  beforeAll(async () => {
    db = await createTempDatabase(server ?? '', 'types');
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    adapter = new PostgresAdapter({ url: db.url });
    await adapter.connect();
  });
  afterAll(async () => {
    await adapter?.close();
    await client?.end();
    await db?.drop();
  });

  it('recreates every column exactly', async () => {
    const fields = await roundTripEveryColumn(adapter, run);
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(byName.get('tsv')).toEqual({ name: 'tsv', type: 'tsvector' });
    expect(byName.get('ip')).toEqual({ name: 'ip', type: 'inet', default: '127.0.0.1' });
    expect(byName.get('vu')).toEqual({ name: 'vu', type: 'native', native: 'character varying' });
    expect(byName.get('str')).toEqual({ name: 'str', type: 'string', length: 20, default: 'x' });
  });

  it('recreates the columns of the report: tsvector, inet and unbounded varchar (not text / varchar(255))', async () => {
    await roundTripIssueColumns(adapter, run);
  });
});
