import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, describe, expect, it } from 'vitest';
import type { CurrentAdapter } from '../../src/adapters/current-adapter.js';
import { DatabaseService } from '../../src/index.js';
import { bestPractices5 } from '../support/best-practices-5.js';

// Issue 19: db.update on Cassandra through the sdk (the adapter loaded from its built package),
// checked with CQL against the rows.
const hosts = requireServer('cassandra') as string | undefined;
const built = fileURLToPath(new URL('../../../adapter-cassandra/dist/index.js', import.meta.url));
const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';
const testKeyspace = (label: string) => `dt_${label}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

type Driverful = { driver: { execute(text: string, params?: readonly unknown[], schemaChange?: boolean): Promise<{ rows: Record<string, unknown>[] }> } };

describe.skipIf(!hosts)('the spec’s Best Practices 5 block on Cassandra, verbatim through @ductape/sdk', () => {
  const keyspace = testKeyspace('spec5');
  const db = new DatabaseService({
    vars: {},
    config: { products: { app: { databases: { main: { adapter: built, environments: { dev: `cassandra://${(hosts ?? '').split(',')[0]}/${keyspace}?dc=${dc}` } } } } } },
  });
  const driver = () => ((db.getAdapter() as CurrentAdapter).target as unknown as Driverful).driver;
  const cql = async (text: string, params: unknown[] = []) => (await driver().execute(text, params)).rows;
  afterAll(async () => {
    await driver()
      .execute(`DROP KEYSPACE IF EXISTS "${keyspace}"`, [], true)
      .catch(() => undefined);
    await db.disconnect();
  });

  it('adds full_name, fills it from first and last name where it is null, drops the old columns', async () => {
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    await db.schema.create('users', { id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string' });
    const insert = `INSERT INTO "${keyspace}".users (id, first_name, last_name) VALUES (?, ?, ?)`;
    await cql(insert, [1, 'Ada', 'Lovelace']);
    await cql(insert, [2, 'Alan', 'Turing']);
    await cql(insert, [3, 'Grace', null]);
    await bestPractices5(db); // the spec block, verbatim (test/support/best-practices-5.ts)
    const rows = (await cql(`SELECT * FROM "${keyspace}".users`)).map((r) => ({ ...r })).sort((a, b) => Number(a.id) - Number(b.id));
    expect(rows).toEqual([
      { id: 1, full_name: 'Ada Lovelace' },
      { id: 2, full_name: 'Alan Turing' },
      { id: 3, full_name: 'Grace ' }, // CONCAT counts NULL as empty text, as PostgreSQL's concat()
    ]);
    expect(await cql(`SELECT id FROM "${keyspace}"."_ductape_data_progress"`)).toEqual([]); // cleared when done
  });
});
