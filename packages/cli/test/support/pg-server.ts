import { randomBytes } from 'node:crypto';
import { createAdapter } from '@ductape/adapter-postgres';
import type { CollectionSnapshot } from '@ductape/sdk';

type Queryable = { query(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]> };
export type ServerAdapter = Awaited<ReturnType<typeof createAdapter>> & Queryable;

/**
 * Runs `fn` with a connected PostgreSQL adapter for `url` (in this process), and closes it.
 * @example await withServer(url, (a) => a.query('SELECT 1'));
 */
export async function withServer<T>(url: string, fn: (a: ServerAdapter) => Promise<T>): Promise<T> {
  const a = (await createAdapter({ connection: url, product: 'test', database: 'test', env: 'test' })) as ServerAdapter;
  await a.connect();
  try {
    return await fn(a);
  } finally {
    await a.close();
  }
}

/** A database of its own on the test server, for one test file (runs never share state or locks). */
export interface ServerDatabase {
  readonly name: string;
  /** Its URL, with a password added (the server trusts local connections, so any one works). */
  readonly url: string;
  readonly password: string;
  create(): Promise<void>;
  drop(): Promise<void>;
}

/**
 * Names a fresh database `ductape_cli_<label>_<random>` on `server`; `create()` in beforeAll,
 * `drop()` in afterAll.
 * @example const db = serverDatabase(server, 'promote_dev'); beforeAll(() => db.create());
 */
export function serverDatabase(server: string, label: string): ServerDatabase {
  const name = `ductape_cli_${label}_${randomBytes(4).toString('hex')}`;
  const u = new URL(server);
  u.pathname = `/${name}`;
  if (!u.password) u.password = `cli-S3cret-${randomBytes(3).toString('hex')}`;
  return {
    name,
    url: u.toString(),
    password: decodeURIComponent(u.password),
    create: () => withServer(server, (a) => a.query(`CREATE DATABASE "${name}"`)).then(() => undefined),
    drop: () => withServer(server, (a) => a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * Introspection of several tables of a server database, for comparing two databases.
 * @example expect(await serverSnapshots(staging.url, ['users'])).toEqual(await serverSnapshots(dev.url, ['users']));
 */
export function serverSnapshots(url: string, tables: readonly string[]): Promise<(CollectionSnapshot | undefined)[]> {
  return withServer(url, (a) => Promise.all(tables.map((t) => a.introspect(t))));
}

/**
 * A ductape.config.json with one product `shop`, database `main`, and these environments.
 * @example p.write('ductape.config.json', configFor({ staging: '${env:CLI_TEST_PG_URL}' }));
 */
export function configFor(environments: Record<string, string>): string {
  return JSON.stringify({ products: { shop: { databases: { main: { environments } } } } });
}
