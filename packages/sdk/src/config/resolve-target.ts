import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { adapterForUrl } from './adapter-for-url.js';
import type { DuctapeConfig, ResolvedTarget } from './config-types.js';
import { envVariableNames } from './env-variables.js';
import { interpolate } from './interpolate.js';

export interface TargetQuery {
  readonly env: string;
  readonly product: string;
  readonly database: string;
}

export const EMBEDDED_ADAPTER = '@ductape/adapter-postgres';

/**
 * Where a connect() goes, in order: environment variables (`DUCTAPE_<P>_<D>_<ENV>_URL`), then the
 * config file, then — for env `dev` only — an embedded PGlite database under `.ductape/` in `cwd`.
 * @example resolveTarget({ env: 'dev', product: 'my-app', database: 'main-db' }, undefined, process.env, process.cwd())
 */
export function resolveTarget(q: TargetQuery, config: { file: string; value: DuctapeConfig } | undefined, env: NodeJS.ProcessEnv, cwd: string): ResolvedTarget {
  const names = envVariableNames(q.product, q.database, q.env);
  const url = env[names.url];
  if (url === '') throw new ConfigError(`${names.url} is set but empty`, `give ${names.url} a connection URL, or unset it to use ductape.config.*`);
  if (url) {
    const adapterPackage = env[names.adapter] ?? adapterForUrl(url);
    if (!adapterPackage) throw new ConfigError(`${names.url} has a scheme no adapter is known for`, `set ${names.adapter} to the adapter package name`);
    return { adapterPackage, connection: url, source: `environment variable ${names.url}` };
  }
  const db = config?.value.products?.[q.product]?.databases?.[q.database];
  const connection = db?.environments?.[q.env];
  if (config && db && connection !== undefined) {
    const where = `${config.file} (products.${q.product}.databases.${q.database}.environments.${q.env})`;
    const resolved = interpolate(connection, env, where);
    const adapterPackage = db.adapter ?? adapterForUrl(resolved);
    if (!adapterPackage) throw new ConfigError(`${where} does not say which adapter to use`, `add adapter: '@ductape/adapter-…' to databases.${q.database}`);
    return { adapterPackage, connection: resolved, ...(db.options ? { options: db.options } : {}), source: where };
  }
  if (q.env === 'dev') {
    const dir = join(cwd, '.ductape', safe(q.product), safe(q.database));
    return { adapterPackage: EMBEDDED_ADAPTER, connection: { driver: 'pglite', dataDir: dir }, source: `embedded PGlite database in ${dir}` };
  }
  const place = config ? `${config.file} has no products.${q.product}.databases.${q.database}.environments.${q.env}` : 'no ductape.config.{ts,mjs,js,json} was found from the working directory upward';
  throw new ConfigError(
    `no connection for env "${q.env}" of ${q.product}/${q.database}: ${place}`,
    `add environments.${q.env} for this database in ductape.config.*, or set ${names.url} (and ${names.adapter} if its scheme does not name the database)`,
  );
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}
