import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { tenantMigrations } from '../support/fleet.js';
import { canCountSockets, socketsTo } from '../support/process-sockets.js';

// Issue 20: DynamoDB tenants as table prefixes on one endpoint (DynamoDB Local). Discovery lists
// the endpoint's tables (ListTables, paged) and takes, per table, the shortest start of its name
// that matches `tablePrefixLike`: each distinct prefix is a target with the adapter's tablePrefix.
// Five tenants `<base>_tNN.` with a legacy table each, one of them also holding a second table,
// plus tables of no tenant; the fleet migrates each tenant's own tables and history table.
const endpoint = requireServer('dynamo') as string | undefined;
const adapter = fileURLToPath(new URL('../../../adapter-dynamo/dist/index.js', import.meta.url));

type Client = { send(command: unknown): Promise<Record<string, unknown>>; destroy(): void };
type Ctor = new (input: unknown) => unknown;
const aws = createRequire(new URL('../../../adapter-dynamo/package.json', import.meta.url))('@aws-sdk/client-dynamodb') as {
  DynamoDBClient: new (config: unknown) => Client;
  CreateTableCommand: Ctor;
  DeleteTableCommand: Ctor;
  ListTablesCommand: Ctor;
};

describe.skipIf(!endpoint)('a DynamoDB fleet of table prefixes, discovered on the endpoint (DynamoDB Local)', () => {
  const base = `dsf${randomBytes(3).toString('hex')}`;
  const tenants = ['t01', 't02', 't03', 't04', 't05'].map((t) => `${base}_${t}.`);
  const url = `dynamodb://${new URL(endpoint ?? 'http://127.0.0.1:8000').host}?region=us-east-1`;
  const client = new aws.DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const create = (name: string) =>
    client.send(
      new aws.CreateTableCommand({
        TableName: name,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  const ours = async (): Promise<string[]> => {
    const names: string[] = [];
    let start: string | undefined;
    do {
      const page = await client.send(new aws.ListTablesCommand(start ? { ExclusiveStartTableName: start } : {}));
      names.push(...((page.TableNames as string[] | undefined) ?? []));
      start = page.LastEvaluatedTableName as string | undefined;
    } while (start);
    return names.filter((n) => n.startsWith(base)).sort();
  };

  beforeAll(async () => {
    for (const t of tenants) await create(`${t}legacy`);
    await create(`${tenants[1]}orders`); // a tenant with two tables is one target
    await create(`${base}_global`); // no tenant: no '.' after the id
    await create(`${base}_tenants_registry`);
  }, 120_000);
  afterAll(async () => {
    for (const name of await ours()) await client.send(new aws.DeleteTableCommand({ TableName: name })).catch(() => undefined);
    client.destroy();
  });

  const config = (): DuctapeConfig => ({
    products: {},
    fleets: { tenants: { adapter, options: { pollIntervalMs: 50 }, environments: { dev: { discover: { url, tablePrefixLike: `${base}\\_t%.` } } } } },
  });

  it('discovers one target per tenant prefix and migrates each tenant’s own tables over one shared client; a re-run finds the same tenants up to date', async () => {
    const db = new DatabaseService({ config: config(), vars: {} });
    // DynamoDB Local gives no per-client view: this process's sockets to it, as the kernel sees them.
    const port = Number(new URL(endpoint as string).port);
    const before = canCountSockets ? socketsTo(port) : new Set<string>();
    let done = false;
    let most = 0;
    const seen = new Set<string>();
    const watch = (async () => {
      while (!done && canCountSockets) {
        const now = [...socketsTo(port)].filter((s) => !before.has(s));
        most = Math.max(most, now.length);
        for (const s of now) seen.add(s);
        await new Promise((r) => setImmediate(r));
      }
    })();
    let summary: Awaited<ReturnType<ReturnType<DatabaseService['fleet']>['up']>>;
    try {
      summary = await db.fleet('tenants').up({ env: 'dev', migrations: tenantMigrations(), concurrency: 2 });
    } finally {
      done = true;
      await watch;
    }
    if (canCountSockets) {
      // One client for the endpoint, at most `concurrency` sockets, reused by every tenant
      // (a client per tenant opens sockets of its own: about one per tenant and more).
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(2);
      expect(seen.size).toBeLessThanOrEqual(2);
    }
    expect(summary.rows.map((r) => r.target)).toEqual(tenants);
    expect(summary).toMatchObject({ targets: 5, done: 5, failed: [], applied: 15 });
    const tables = await ours();
    for (const t of tenants) expect(tables).toEqual(expect.arrayContaining([`${t}legacy`, `${t}users`, `${t}_ductape_migrations`]));
    // Nothing outside a tenant prefix was created.
    expect(tables.filter((n) => !tenants.some((t) => n.startsWith(t)))).toEqual([`${base}_global`, `${base}_tenants_registry`]);
    // The history tables are tables of the same tenants: still five targets, all up to date.
    const again = await db.fleet('tenants').up({ env: 'dev', migrations: tenantMigrations(), concurrency: 2 });
    expect(again).toMatchObject({ targets: 5, done: 0, upToDate: 5, failed: [] });
    expect((await db.fleet('tenants').status({ env: 'dev', migrations: tenantMigrations() })).summary).toBe('5 up to date');
  }, 300_000);

  it('explicit targets: a tablePrefix per tenant (or an endpoint per account) migrates only those', async () => {
    const fleet: DuctapeConfig = {
      products: {},
      fleets: { tenants: { adapter, options: { pollIntervalMs: 50 }, environments: { dev: { targets: [{ url, tablePrefix: tenants[0] as string }] } } } },
    };
    const summary = await new DatabaseService({ config: fleet, vars: {} }).fleet('tenants').up({ env: 'dev', migrations: tenantMigrations() });
    expect(summary).toMatchObject({ targets: 1, failed: [] });
    expect(summary.done + summary.upToDate).toBe(1);
    expect(summary.rows.map((r) => r.target)).toEqual([tenants[0]]);
  }, 120_000);

  it('a pattern no table matches is a config error naming it; nothing is created', async () => {
    const none: DuctapeConfig = { products: {}, fleets: { tenants: { adapter, environments: { dev: { discover: { url, tablePrefixLike: `${base}\\_nobody%.` } } } } } };
    const before = await ours();
    await expect(new DatabaseService({ config: none, vars: {} }).fleet('tenants').up({ env: 'dev', migrations: tenantMigrations() })).rejects.toMatchObject({
      code: 'DUCTAPE_CONFIG',
      message: expect.stringContaining('discovered no table prefix matching'),
    });
    expect(await ours()).toEqual(before);
  });
});
