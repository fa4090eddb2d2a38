/** One connection: a URL (`postgres://…`) or the settings object the adapter documents. */
export type ConnectionConfig = string | { readonly [key: string]: unknown };

/** A database of a product: which adapter package, and one connection per environment. */
export interface DatabaseConfig {
  /** Package name, e.g. '@ductape/adapter-postgres'. Inferred from a URL's scheme when left out. */
  readonly adapter?: string;
  /** env name → connection; values may use `${env:VAR}` so secrets stay out of files. */
  readonly environments: { readonly [env: string]: ConnectionConfig };
  /** Adapter options (e.g. `{ schema: 'app' }`), the same for every environment. */
  readonly options?: { readonly [key: string]: unknown };
}

/**
 * The shape of `ductape.config.{ts,mts,cts,mjs,cjs,js,json}`; write it with `defineConfig` for types.
 * @example
 * export const config = {
 *   products: { 'my-app': { databases: { 'main-db': {
 *     adapter: '@ductape/adapter-postgres',
 *     environments: { dev: 'postgres://localhost/app', prd: '${env:APP_DATABASE_URL}' },
 *   } } } },
 * };
 */
export interface DuctapeConfig {
  readonly products: { readonly [product: string]: { readonly databases: { readonly [database: string]: DatabaseConfig } } };
  /** Directory of migration files for the `ductape` CLI, relative to the config file (default `migrations`). */
  readonly migrationsDir?: string;
  /** Fleets: many databases (or schemas) that get the same migrations, e.g. one per tenant. See `FleetConfig`. */
  readonly fleets?: { readonly [fleet: string]: FleetConfig };
}

/** One database (or schema) of a fleet: a URL, or `{ url, schema?, name? }`. */
export type FleetTargetConfig =
  | string
  | {
      /** Connection URL; may use `${env:VAR}`. */
      readonly url: string;
      /** PostgreSQL only: the schema this target's tables and `_ductape_migrations` history live in. */
      readonly schema?: string;
      /** DynamoDB only: the start of this tenant's table names (its history table is `<tablePrefix>_ductape_migrations`); the adapter's `tablePrefix` option. */
      readonly tablePrefix?: string;
      /** How events, errors and the summary name this target (default: the schema, else the URL without credentials). */
      readonly name?: string;
    };

/**
 * A function of a `.mjs`/`.ts` config that returns a fleet's targets (from a tenant registry, an
 * API, a file…), called once per run before any target is touched; what it returns is checked as
 * a `targets` list would be.
 * @example const targets: FleetTargetsFunction = async ({ env }) => (await tenants(env)).map((t) => ({ url: t.url, name: t.id }));
 */
export type FleetTargetsFunction = (context: { readonly fleet: string; readonly env: string }) => readonly FleetTargetConfig[] | Promise<readonly FleetTargetConfig[]>;

/**
 * How a fleet finds its targets on one server: `url` connects to it, and exactly one pattern says
 * which names are targets (LIKE patterns: `%` any characters, `_` one, `\_` a literal `_`).
 * - `schemasLike`: PostgreSQL schemas of the database at `url` (schema per tenant);
 * - `databasesLike`: databases of the server at `url` — PostgreSQL (pg_database), MySQL and MariaDB
 *   (information_schema.SCHEMATA), MongoDB (listDatabases);
 * - `databasePrefix`: the same, every database whose name starts with the prefix;
 * - `keyspacesLike`: Cassandra keyspaces (system_schema.keyspaces);
 * - `tablePrefixLike`: DynamoDB tenants by table prefix (ListTables on the endpoint at `url`): a
 *   table's tenant prefix is the shortest start of its name that matches the pattern, followed by
 *   at least one more character (`tenant\_%.` finds `tenant_7.` in `tenant_7.orders`); every
 *   distinct prefix is a target, on `url` with the adapter option `tablePrefix` set to it.
 * System schemas, databases and keyspaces never match. Each match becomes a target named after it,
 * on `url` with the database (or keyspace) part of the path replaced by it.
 */
export type FleetDiscoverConfig = { readonly url: string } & (
  | { readonly schemasLike: string }
  | { readonly databasesLike: string }
  | { readonly databasePrefix: string }
  | { readonly keyspacesLike: string }
  | { readonly tablePrefixLike: string }
);

/** Where a fleet's targets are in one environment: an explicit list, a function returning it, or a discovery. */
export type FleetEnvironmentConfig = { readonly targets: readonly FleetTargetConfig[] | FleetTargetsFunction } | { readonly discover: FleetDiscoverConfig };

/**
 * A fleet: many targets migrated alike, each under its own lock (`db.fleet(name).up(...)`).
 * @example
 * const tenants: FleetConfig = {
 *   adapter: '@ductape/adapter-postgres',
 *   environments: {
 *     staging: { targets: ['postgres://app@db1/t1', { url: 'postgres://app@db1/shared', schema: 'tenant_2' }] },
 *     prd: { discover: { schemasLike: 'tenant_%', url: '${env:TENANTS_URL}' } },
 *     dev: { targets: async ({ env }) => [{ url: 'postgres://app@localhost/dev', schema: 'tenant_1' }] },
 *   },
 * };
 */
export interface FleetConfig {
  /** Package name, e.g. '@ductape/adapter-postgres'. Inferred from the URLs' scheme when left out. */
  readonly adapter?: string;
  /** Adapter options for every target (a target's `schema` is added to them). */
  readonly options?: { readonly [key: string]: unknown };
  /** env name → where the targets are. */
  readonly environments: { readonly [env: string]: FleetEnvironmentConfig };
}

/** Where a connect() ended up: the adapter package and its target. */
export interface ResolvedTarget {
  readonly adapterPackage: string;
  readonly connection: ConnectionConfig;
  readonly options?: { readonly [key: string]: unknown };
  /** Where the settings came from, for messages (never the connection itself). */
  readonly source: string;
}
