import { mkdirSync } from 'node:fs';
import { type AdapterFactory, type ConnectionPoolFactory, InvalidArgumentError } from '@ductape/core';
import { PgSessionDriver } from './pg-session-driver.js';
import { PgSessionPool } from './pg-session-pool.js';
import type { PostgresAdapterOptions } from './postgres-adapter.js';
import { PostgresDataAdapter } from './postgres-data-adapter.js';

/**
 * What the sdk calls to load this package by name. `connection`: a `postgres://` URL, a
 * `pglite://<directory>` (or `pglite://memory`) URL, or `{ driver: 'pglite', dataDir }`;
 * `options`: `{ schema, online, lockTimeoutMs, lockRetries, settleTimeoutMs }`. With `pool` (from
 * `createConnectionPool`), a server adapter borrows one session of the pool from connect to close
 * instead of opening its own pool and lock connection (PGlite ignores it).
 * @example createAdapter({ connection: 'postgres://app@localhost/app', product: 'p', database: 'd', env: 'dev' })
 */
export const createAdapter: AdapterFactory = (target) => {
  const options = (target.options ?? {}) as Omit<PostgresAdapterOptions, 'url' | 'pglite' | 'driver'>;
  const c = target.connection;
  if (typeof c === 'string') {
    if (c.startsWith('pglite://')) {
      const dir = c.slice('pglite://'.length);
      return new PostgresDataAdapter({ ...options, pglite: { dataDir: embeddedDir(dir) } });
    }
    return serverAdapter(options, c, target.pool);
  }
  if (typeof c === 'object' && c !== null && c.driver === 'pglite') {
    return new PostgresDataAdapter({ ...options, pglite: { dataDir: embeddedDir(typeof c.dataDir === 'string' ? c.dataDir : '') } });
  }
  if (typeof c === 'object' && c !== null && typeof c.url === 'string') return serverAdapter(options, c.url, target.pool);
  throw new InvalidArgumentError('the PostgreSQL connection', "a postgres:// URL, a pglite:// URL or { driver: 'pglite', dataDir }", c);
};

/**
 * The optional pool export of the adapter contract: at most `max` server sessions shared by the
 * adapters created with `{ ...target, pool }` (a fleet's targets), one per adapter at a time, reset
 * (DISCARD ALL: advisory locks, search_path, application_name…) before the next one gets it.
 * @example const pool = createConnectionPool({ max: 4 }); const a = createAdapter({ ...target, pool });
 */
export const createConnectionPool: ConnectionPoolFactory = (options) => new PgSessionPool(options);

function serverAdapter(options: Omit<PostgresAdapterOptions, 'url' | 'pglite' | 'driver'>, url: string, pool: unknown): PostgresDataAdapter {
  if (pool instanceof PgSessionPool) return new PostgresDataAdapter({ ...options, driver: new PgSessionDriver(pool, url) });
  return new PostgresDataAdapter({ ...options, url });
}

/** PGlite creates only the last directory of its path; make the parents, as a user expects. */
function embeddedDir(dir: string): string {
  if (dir === '' || dir === 'memory' || dir.startsWith('memory://')) return 'memory://';
  mkdirSync(dir, { recursive: true });
  return dir;
}
