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
}

/** Where a connect() ended up: the adapter package and its target. */
export interface ResolvedTarget {
  readonly adapterPackage: string;
  readonly connection: ConnectionConfig;
  readonly options?: { readonly [key: string]: unknown };
  /** Where the settings came from, for messages (never the connection itself). */
  readonly source: string;
}
