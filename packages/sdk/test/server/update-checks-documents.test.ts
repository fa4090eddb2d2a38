import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, describe } from 'vitest';
import { CurrentAdapter } from '../../src/adapters/current-adapter.js';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { updateCheckCases } from '../support/update-checks.js';

// Issue 16 defect 9 on MongoDB (FerretDB) and DynamoDB Local, through db.update: the field types
// are known (the validator, or on FerretDB its recorded copy; on DynamoDB the declared fields),
// so the same values and operators are refused before IO. The adapters are not dependencies of
// the sdk: each is loaded from its built package in this workspace.
const mongoUrl = requireServer('mongo') as string | undefined;
const dynamoEndpoint = requireServer('dynamo') as string | undefined;
const built = (pkg: string) => fileURLToPath(new URL(`../../../${pkg}/dist/index.js`, import.meta.url));

// The adapters' drivers, as far as these tests use them (the adapter types are not sdk dependencies).
type Rows = { insertMany(docs: object[]): Promise<unknown>; find(q: object, o: object): { toArray(): Promise<Record<string, unknown>[]> } };
type Driverful = { driver: { db: { collection(n: string): Rows; dropDatabase(): Promise<unknown> }; send(command: string, input: object): Promise<Record<string, unknown>> } };
const driverOf = (db: DatabaseService) => (db.getAdapter() as CurrentAdapter).target as unknown as Driverful;

function service(adapter: string, connection: string, options: Record<string, unknown>): () => Promise<DatabaseService> {
  const config: DuctapeConfig = { products: { app: { databases: { main: { adapter, environments: { dev: connection }, options } } } } };
  return async () => {
    const db = new DatabaseService({ config, vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    return db;
  };
}

describe.skipIf(!mongoUrl)('db.update checks on MongoDB (FerretDB)', () => {
  const database = `ductape_sdk_upd_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(mongoUrl as string), { pathname: `/${database}` }).toString();
  afterAll(async () => {
    const db = await service(built('adapter-mongo'), url, { onMissingFeature: 'warn', logger: { warn: () => undefined } })();
    await driverOf(db)
      .driver.db.dropDatabase()
      .catch(() => undefined);
    await db.disconnect();
  });
  updateCheckCases({
    key: '_id',
    connect: service(built('adapter-mongo'), url, { onMissingFeature: 'warn', logger: { warn: () => undefined } }),
    insert: async (db, table, rows) => {
      await driverOf(db)
        .driver.db.collection(table)
        .insertMany(rows.map((r) => ({ _id: r.id, age: r.age, name: r.name, email: `u${r.id}@x.io` })));
    },
    read: async (db, table) =>
      (
        await driverOf(db)
          .driver.db.collection(table)
          .find({}, { sort: { _id: 1 } })
          .toArray()
      ).map((d) => `${d._id}:${d.age}:${d.name}`),
    // Row 1 takes the address; row 2 collides with the unique index (E11000) and is refused.
    refused: { request: (table) => ({ table, data: { email: 'same@x.io' } }), says: /collide with a unique index/, rowsBefore: 1 },
  });
});

describe.skipIf(!dynamoEndpoint)('db.update checks on DynamoDB Local', () => {
  const prefix = `dt_sdkupd_${randomBytes(3).toString('hex')}_`;
  const endpoint = new URL(dynamoEndpoint as string);
  const connection = `dynamodb://${endpoint.host}?region=us-east-1`;
  const options = { tablePrefix: prefix, pollIntervalMs: 100 };
  afterAll(async () => {
    const db = await service(built('adapter-dynamo'), connection, options)();
    const { driver } = driverOf(db);
    const names = ((await driver.send('ListTables', {})).TableNames as string[]).filter((n) => n.startsWith(prefix));
    for (const name of names) await driver.send('DeleteTable', { TableName: name }).catch(() => undefined);
    await db.disconnect();
  });
  updateCheckCases({
    key: 'id',
    uniqueEmail: false,
    connect: service(built('adapter-dynamo'), connection, options),
    insert: async (db, table, rows) => {
      for (const r of rows) {
        await driverOf(db).driver.send('PutItem', { TableName: `${prefix}${table}`, Item: { id: { N: String(r.id) }, age: { N: String(r.age) }, name: { S: r.name } } });
      }
    },
    read: async (db, table) => {
      const items = ((await driverOf(db).driver.send('Scan', { TableName: `${prefix}${table}`, ConsistentRead: true })).Items as Record<string, { N?: string; S?: string }>[]) ?? [];
      return items.map((i) => `${i.id?.N}:${i.age?.N}:${i.name?.S}`).sort();
    },
  });
});
