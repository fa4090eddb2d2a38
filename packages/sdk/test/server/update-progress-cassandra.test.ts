import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, describe } from 'vitest';
import type { CurrentAdapter } from '../../src/adapters/current-adapter.js';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { updateProgressCases } from '../support/update-progress.js';

// Issue 19: db.update's dryRun, maxLockMs and progress events on Cassandra, through the sdk with
// the adapter loaded from its built package. Progress counts rows read, with no total.
const hosts = requireServer('cassandra') as string | undefined;
const built = fileURLToPath(new URL('../../../adapter-cassandra/dist/index.js', import.meta.url));
const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';

type Driverful = { driver: { execute(text: string, params?: readonly unknown[], schemaChange?: boolean): Promise<{ rows: { get(c: string): unknown }[] }> } };
const driverOf = (db: DatabaseService) => (db.getAdapter() as CurrentAdapter).target as unknown as Driverful;

describe.skipIf(!hosts)('db.update dryRun, maxLockMs and progress on Cassandra', () => {
  const keyspace = `dt_sdkprog_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const connect = async () => {
    const config: DuctapeConfig = { products: { app: { databases: { main: { adapter: built, environments: { dev: `cassandra://${(hosts ?? '').split(',')[0]}/${keyspace}?dc=${dc}` } } } } } };
    const db = new DatabaseService({ config, vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    return db;
  };
  afterAll(async () => {
    const db = await connect();
    await driverOf(db)
      .driver.execute(`DROP KEYSPACE IF EXISTS "${keyspace}"`, [], true)
      .catch(() => undefined);
    await db.disconnect();
  });
  updateProgressCases({
    key: 'id',
    total: 'none',
    uniqueEmail: false,
    connect,
    insert: async (db, table, rows) => {
      const { driver } = driverOf(db);
      for (let i = 0; i < rows.length; i += 50) {
        await Promise.all(rows.slice(i, i + 50).map((r) => driver.execute(`INSERT INTO "${keyspace}"."${table}" (id, age, name) VALUES (?, ?, ?)`, [r.id, r.age, r.name])));
      }
    },
    read: async (db, table) =>
      (await driverOf(db).driver.execute(`SELECT id, age, name FROM "${keyspace}"."${table}"`)).rows
        .map((r) => ({ id: Number(r.get('id')), s: `${r.get('id')}:${r.get('age')}:${r.get('name')}` }))
        .sort((a, b) => a.id - b.id)
        .map((r) => r.s),
  });
});
