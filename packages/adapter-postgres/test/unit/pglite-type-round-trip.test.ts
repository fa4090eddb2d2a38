import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { PostgresAdapter } from '../../src/index.js';
import { roundTripEveryColumn, roundTripIssueColumns, type RunSql } from '../support/round-trip.js';

// The same round trip as test/server/type-round-trip.test.ts, on PGlite (issue 16 defect 8).
describe('postgres (PGlite): every column type round-trips through introspect → dropField → down', () => {
  let instance: PGlite;
  let adapter: PostgresAdapter;
  const run: RunSql = async (text, params) => {
    if (params === undefined) {
      const results = await instance.exec(text);
      return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
    }
    return (await instance.query<Record<string, unknown>>(text, params)).rows;
  };

  beforeAll(async () => {
    instance = await PGlite.create();
    adapter = new PostgresAdapter({ pglite: { instance } });
    await adapter.connect();
  });
  afterAll(async () => {
    await adapter?.close();
    await instance?.close();
  });

  it('recreates every column exactly', async () => {
    const fields = await roundTripEveryColumn(adapter, run);
    expect(fields.find((f) => f.name === 'tsv')).toEqual({ name: 'tsv', type: 'tsvector' });
  });

  it('recreates the columns of the report: tsvector, inet and unbounded varchar (not text / varchar(255))', async () => {
    await roundTripIssueColumns(adapter, run);
  });
});
