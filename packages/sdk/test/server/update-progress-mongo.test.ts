import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, describe } from 'vitest';
import type { CurrentAdapter } from '../../src/adapters/current-adapter.js';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { updateProgressCases } from '../support/update-progress.js';

// Issue 19: db.update's dryRun, maxLockMs and progress events on MongoDB (FerretDB), through the
// sdk with the adapter loaded from its built package.
const mongoUrl = requireServer('mongo') as string | undefined;
const built = fileURLToPath(new URL('../../../adapter-mongo/dist/index.js', import.meta.url));

type Rows = { insertMany(docs: object[]): Promise<unknown>; find(q: object, o: object): { toArray(): Promise<Record<string, unknown>[]> } };
type Driverful = { driver: { db: { collection(n: string): Rows; dropDatabase(): Promise<unknown> } } };
const driverOf = (db: DatabaseService) => (db.getAdapter() as CurrentAdapter).target as unknown as Driverful;

describe.skipIf(!mongoUrl)('db.update dryRun, maxLockMs and progress on MongoDB (FerretDB)', () => {
  const database = `ductape_sdk_prog_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(mongoUrl as string), { pathname: `/${database}` }).toString();
  const connect = async () => {
    const config: DuctapeConfig = {
      products: { app: { databases: { main: { adapter: built, environments: { dev: url }, options: { onMissingFeature: 'warn', logger: { warn: () => undefined } } } } } },
    };
    const db = new DatabaseService({ config, vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    return db;
  };
  afterAll(async () => {
    const db = await connect();
    await driverOf(db)
      .driver.db.dropDatabase()
      .catch(() => undefined);
    await db.disconnect();
  });
  updateProgressCases({
    key: '_id',
    total: 'matching',
    connect,
    insert: async (db, table, rows) => {
      await driverOf(db)
        .driver.db.collection(table)
        .insertMany(rows.map((r) => ({ _id: r.id, age: r.age, name: r.name })));
    },
    read: async (db, table) =>
      (
        await driverOf(db)
          .driver.db.collection(table)
          .find({}, { sort: { _id: 1 } })
          .toArray()
      ).map((d) => `${d._id}:${d.age}:${d.name}`),
  });
});
