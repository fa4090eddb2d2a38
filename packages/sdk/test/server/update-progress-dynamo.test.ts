import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, describe } from 'vitest';
import type { CurrentAdapter } from '../../src/adapters/current-adapter.js';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { updateProgressCases } from '../support/update-progress.js';

// Issue 19: db.update's dryRun, maxLockMs and progress events on DynamoDB Local, through the sdk
// with the adapter loaded from its built package. Progress counts items read against ItemCount.
const dynamoEndpoint = requireServer('dynamo') as string | undefined;
const built = fileURLToPath(new URL('../../../adapter-dynamo/dist/index.js', import.meta.url));

type Driverful = { driver: { send(command: string, input: object): Promise<Record<string, unknown>> } };
const driverOf = (db: DatabaseService) => (db.getAdapter() as CurrentAdapter).target as unknown as Driverful;

describe.skipIf(!dynamoEndpoint)('db.update dryRun, maxLockMs and progress on DynamoDB Local', () => {
  const prefix = `dt_sdkprog_${randomBytes(3).toString('hex')}_`;
  const connection = `dynamodb://${new URL(dynamoEndpoint as string).host}?region=us-east-1`;
  const connect = async () => {
    const config: DuctapeConfig = {
      products: { app: { databases: { main: { adapter: built, environments: { dev: connection }, options: { tablePrefix: prefix, pollIntervalMs: 100, maxWritesPerSecond: 10_000 } } } } },
    };
    const db = new DatabaseService({ config, vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    return db;
  };
  afterAll(async () => {
    const db = await connect();
    const { driver } = driverOf(db);
    const names = ((await driver.send('ListTables', {})).TableNames as string[]).filter((n) => n.startsWith(prefix));
    for (const name of names) await driver.send('DeleteTable', { TableName: name }).catch(() => undefined);
    await db.disconnect();
  });
  updateProgressCases({
    key: 'id',
    total: 'items',
    uniqueEmail: false,
    connect,
    insert: async (db, table, rows) => {
      for (let i = 0; i < rows.length; i += 25) {
        const items = rows.slice(i, i + 25).map((r) => ({ PutRequest: { Item: { id: { N: String(r.id) }, age: { N: String(r.age) }, name: { S: r.name } } } }));
        await driverOf(db).driver.send('BatchWriteItem', { RequestItems: { [`${prefix}${table}`]: items } });
      }
    },
    read: async (db, table) => {
      const items = ((await driverOf(db).driver.send('Scan', { TableName: `${prefix}${table}`, ConsistentRead: true })).Items as Record<string, { N?: string; S?: string }>[]) ?? [];
      return items.map((i) => `${i.id?.N}:${i.age?.N}:${i.name?.S}`).sort();
    },
  });
});
