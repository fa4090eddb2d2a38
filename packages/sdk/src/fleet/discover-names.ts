import type { Adapter } from '@ductape/core';
import { ConfigError } from '../errors.js';
import type { DiscoveryKind } from './resolve-fleet.js';

/** Lists schema names matching a LIKE pattern, system schemas excluded, in name order. */
export const DISCOVER_SCHEMAS_SQL = "SELECT nspname AS name FROM pg_catalog.pg_namespace WHERE nspname LIKE $1 AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname";
/** PostgreSQL databases matching a LIKE pattern that accept connections, templates excluded. */
export const DISCOVER_PG_DATABASES_SQL = 'SELECT datname AS name FROM pg_catalog.pg_database WHERE datname LIKE $1 AND datallowconn AND NOT datistemplate ORDER BY datname';
/** MySQL/MariaDB databases matching a LIKE pattern, the server's own excluded. */
export const DISCOVER_MYSQL_DATABASES_SQL =
  "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE ? AND SCHEMA_NAME NOT IN ('information_schema', 'mysql', 'performance_schema', 'sys') ORDER BY SCHEMA_NAME";
/** MongoDB's own databases, never targets. */
const MONGO_SYSTEM = new Set(['admin', 'local', 'config']);

/** How one adapter package lists names: the database the probe connects to when the URL names none, how it connects, and the listing. */
interface Lister {
  /** The database (or keyspace) the probe uses when the discovery URL has none in its path. */
  readonly probeDatabase?: string;
  /** Connects the probe (default adapter.connect()). */
  readonly connect?: (adapter: Adapter) => Promise<void>;
  readonly list: (adapter: Adapter, like: string) => Promise<string[]>;
}

type Queryable = { query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> };
type MysqlSession = { connection: { query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> } };
type MongoDriver = { client: { db(name: string): { command(c: Record<string, unknown>): Promise<{ databases?: { name: string }[] }> } } };
type DynamoDriver = { send(name: 'ListTables', input: { ExclusiveStartTableName?: string }): Promise<{ TableNames?: string[]; LastEvaluatedTableName?: string }> };
type CassandraDriver = { connect(): Promise<void>; execute(cql: string): Promise<{ rows: { keyspace_name?: unknown }[] }> };

const pgQuery = (adapter: Adapter): Queryable['query'] => {
  const query = (adapter as unknown as Partial<Queryable>).query;
  if (typeof query !== 'function') throw new ConfigError('this PostgreSQL adapter cannot run a discovery query', 'list the targets instead: { targets: [...] }');
  return query.bind(adapter);
};

const mysqlFamily: Lister = {
  probeDatabase: 'information_schema',
  // A session of the adapter is one pooled connection (MysqlSession.connection).
  list: (adapter, like) =>
    adapter.withSession('autocommit', async (session) => (await (session as unknown as MysqlSession).connection.query(DISCOVER_MYSQL_DATABASES_SQL, [like])).map((r) => String(r.name))),
};

/** The listers by discovery kind and adapter package. */
const LISTERS: Readonly<Record<DiscoveryKind, Readonly<Record<string, Lister>>>> = {
  schemas: {
    '@ductape/adapter-postgres': { list: async (adapter, like) => (await pgQuery(adapter)(DISCOVER_SCHEMAS_SQL, [like])).map((r) => String(r.name)) },
  },
  databases: {
    '@ductape/adapter-postgres': { probeDatabase: 'postgres', list: async (adapter, like) => (await pgQuery(adapter)(DISCOVER_PG_DATABASES_SQL, [like])).map((r) => String(r.name)) },
    '@ductape/adapter-mysql': mysqlFamily,
    '@ductape/adapter-mariadb': mysqlFamily,
    '@ductape/adapter-mongo': {
      probeDatabase: 'admin',
      list: async (adapter, like) => {
        const r = await (adapter as unknown as { driver: MongoDriver }).driver.client.db('admin').command({ listDatabases: 1, nameOnly: true });
        return (r.databases ?? []).map((d) => d.name).filter((n) => !MONGO_SYSTEM.has(n) && likeMatcher(like)(n));
      },
    },
  },
  tablePrefixes: {
    '@ductape/adapter-dynamo': {
      // Nothing to connect: the adapter's connect() would probe features (a table of its own).
      connect: async () => undefined,
      list: async (adapter, like) => {
        const driver = (adapter as unknown as { driver: DynamoDriver }).driver;
        const tables: string[] = [];
        let start: string | undefined;
        do {
          const page = await driver.send('ListTables', start === undefined ? {} : { ExclusiveStartTableName: start });
          tables.push(...(page.TableNames ?? []));
          start = page.LastEvaluatedTableName;
        } while (start !== undefined);
        return tablePrefixes(tables, like);
      },
    },
  },
  keyspaces: {
    '@ductape/adapter-cassandra': {
      probeDatabase: 'system',
      // The driver only: the adapter's connect() would create the probe URL's keyspace.
      connect: (adapter) => (adapter as unknown as { driver: CassandraDriver }).driver.connect(),
      list: async (adapter, like) => {
        const r = await (adapter as unknown as { driver: CassandraDriver }).driver.execute('SELECT keyspace_name FROM system_schema.keyspaces');
        return r.rows.map((row) => String(row.keyspace_name)).filter((n) => !n.startsWith('system') && likeMatcher(like)(n));
      },
    },
  },
};

/**
 * How `adapterPackage` lists `what`, or undefined when it cannot (resolveFleet refuses that first).
 * @example listerFor('databases', '@ductape/adapter-mongo')?.probeDatabase // 'admin'
 */
export function listerFor(what: DiscoveryKind, adapterPackage: string): Lister | undefined {
  return LISTERS[what][adapterPackage];
}

/**
 * The distinct tenant prefixes of DynamoDB table names: for each table, the shortest start of its
 * name that matches `like` and is followed by at least one more character (tables with none belong
 * to no tenant), in name order.
 * @example tablePrefixes(['t_1.users', 't_1._ductape_migrations', 't_2.users', 'global'], 't\_%.') // ['t_1.', 't_2.']
 */
export function tablePrefixes(tables: readonly string[], like: string): string[] {
  const match = likeMatcher(like);
  const found = new Set<string>();
  for (const table of tables) {
    for (let end = 1; end < table.length; end++) {
      const prefix = table.slice(0, end);
      if (match(prefix)) {
        found.add(prefix);
        break;
      }
    }
  }
  return [...found].sort();
}

/**
 * A LIKE pattern as a test of a whole name: `%` any characters, `_` one, `\` makes the next literal.
 * Case-sensitive.
 * @example likeMatcher('t\\_%')('t_1') // true
 */
export function likeMatcher(like: string): (name: string) => boolean {
  let re = '';
  for (let i = 0; i < like.length; i++) {
    const c = like[i] as string;
    if (c === '\\' && i + 1 < like.length) re += escapeRe(like[++i] as string);
    else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += escapeRe(c);
  }
  const compiled = new RegExp(`^${re}$`, 'u');
  return (name) => compiled.test(name);
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * `url` with the database (or keyspace) part of its path set to `name`, query and fragment kept.
 * @example withDatabase('mysql://u:p@h:3306/x?ssl=true', 't_1') // 'mysql://u:p@h:3306/t_1?ssl=true'
 */
export function withDatabase(url: string, name: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)?([?#].*)?$/i.exec(url);
  if (!m) throw new ConfigError('a discovery URL has no scheme://host part', 'give discover.url as scheme://[user[:password]@]host[:port][/database][?options]');
  return `${m[1]}/${encodeURIComponent(name)}${m[3] ?? ''}`;
}

/**
 * The database (or keyspace) in `url`'s path, or '' when it names none.
 * @example databaseOf('postgres://h:5432/app') // 'app'
 */
export function databaseOf(url: string): string {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(url)?.[1] ?? '';
  return decodeURIComponent(path.replace(/^\//, ''));
}
