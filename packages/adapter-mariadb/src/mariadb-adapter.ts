import type { AdapterTarget } from '@ductape/core';
import { MARIADB_DIALECT, MysqlFamilyAdapter, describeConnection, mariadbDialectFor, parseConnection, type MysqlLogger } from '@ductape/adapter-mysql/shared';
import { MariadbDriver } from './mariadb-driver.js';

export interface MariadbAdapterOptions {
  /** `mariadb://user:password@host:3306/database` or a settings object (`{ host, port, user, password, database, ssl, … }`). */
  readonly connection: string | { readonly [key: string]: unknown };
  readonly poolSize?: number;
  /** lock_wait_timeout of every session, in seconds (default 10). */
  readonly lockWaitTimeoutSeconds?: number;
  /** How often an ALTER that timed out on the metadata lock is retried (default 3). */
  readonly lockRetries?: number;
  /** Where table copies and retries are reported (default: console.warn); false for silence. */
  readonly logger?: MysqlLogger | false;
}

/**
 * The MariaDB adapter (mariadb connector). Same compiler as MySQL where the dialects agree;
 * uuid is MariaDB's native UUID type from 10.7 (CHAR(36) before: connect() reads the version),
 * JSON is MariaDB's alias (LONGTEXT with a json_valid check), raw 'mariadb' and 'mysql' SQL runs.
 * @example
 * const adapter = new MariadbAdapter({ connection: 'mariadb://root@127.0.0.1:3306/app' });
 * await adapter.connect();
 * await new MigrationEngine(adapter).up(m);
 */
export class MariadbAdapter extends MysqlFamilyAdapter {
  constructor(options: MariadbAdapterOptions) {
    const settings = parseConnection(options.connection);
    super({
      name: 'mariadb',
      driver: new MariadbDriver({ settings, poolSize: options.poolSize, lockWaitTimeoutSeconds: options.lockWaitTimeoutSeconds }),
      dialect: MARIADB_DIALECT,
      dialectFor: mariadbDialectFor,
      where: describeConnection(settings),
      logger: options.logger,
      lockRetries: options.lockRetries,
    });
  }
}

/**
 * What the sdk calls to load this adapter: `connection` is a URL or settings object; `options`
 * may hold poolSize, lockWaitTimeoutSeconds, lockRetries.
 * @example const adapter = await createAdapter({ connection: 'mariadb://root@127.0.0.1/app', product: 'p', database: 'main', env: 'dev' });
 */
export function createAdapter(target: AdapterTarget): MariadbAdapter {
  return new MariadbAdapter({ ...(target.options ?? {}), connection: target.connection });
}
