import type { Connection, Pool, PoolConnection } from 'mariadb';
import { type MysqlConnection, type MysqlConnectionSettings, type MysqlDriver, type Row, sessionSetup } from '@ductape/adapter-mysql/shared';

export interface MariadbDriverOptions {
  readonly settings: MysqlConnectionSettings;
  /** Pool size (default 4: migrations run one statement at a time, plus history and introspection). */
  readonly poolSize?: number;
  /** lock_wait_timeout of every session, in seconds (default 10). */
  readonly lockWaitTimeoutSeconds?: number;
}

/**
 * The MysqlDriver over the `mariadb` connector (loaded on first use). Dates come back as strings
 * read as UTC, BIGINT as numbers; every connection runs `sessionSetup` (the driver's initSql).
 * @example const driver = new MariadbDriver({ settings: parseConnection('mariadb://root@127.0.0.1:3306/app') });
 */
export class MariadbDriver implements MysqlDriver {
  readonly #options: MariadbDriverOptions;
  /** Every open connection by thread id (the pool hands out a new wrapper of the same connection each time). */
  readonly #all = new Map<number, Connection>();
  #pool: Promise<Pool> | undefined;

  constructor(options: MariadbDriverOptions) {
    this.#options = options;
  }

  async acquire(): Promise<MysqlConnection> {
    const conn = await (await this.#getPool()).getConnection();
    const id = conn.threadId ?? -1;
    if (!this.#all.has(id)) {
      this.#all.set(id, conn);
      conn.once('end', () => this.#all.delete(id));
    }
    return wrap(conn, () => void conn.release().catch(() => undefined));
  }

  async dedicated(): Promise<MysqlConnection> {
    const mariadb = await import('mariadb');
    const conn = await mariadb.createConnection(this.#config());
    conn.on('error', () => undefined); // a lock connection the server dropped: `alive` says so
    const id = conn.threadId ?? -1;
    this.#all.set(id, conn);
    return wrap(conn, () => {
      this.#all.delete(id);
      void conn.end().catch(() => conn.destroy());
    });
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    if (pool) await (await pool).end();
  }

  ownThreadIds(): readonly number[] {
    return [...this.#all.keys()];
  }

  destroy(): void {
    for (const c of this.#all.values()) c.destroy();
    this.#all.clear();
    void this.#pool?.then((p) => p.end()).catch(() => undefined); // stop its timers; the sockets are gone
    this.#pool = undefined;
  }

  #getPool(): Promise<Pool> {
    const size = this.#options.poolSize ?? 4;
    this.#pool ??= import('mariadb').then((mariadb) => mariadb.createPool({ ...this.#config(), connectionLimit: size, minimumIdle: 0 }));
    return this.#pool;
  }

  #config() {
    return {
      ...this.#options.settings,
      dateStrings: true,
      bigIntAsNumber: true,
      insertIdAsNumber: true,
      multipleStatements: false,
      charset: 'utf8mb4',
      initSql: sessionSetup(this.#options.lockWaitTimeoutSeconds ?? 10),
    };
  }
}

function wrap(conn: Connection | PoolConnection, release: () => void): MysqlConnection {
  let broken = false;
  return {
    threadId: conn.threadId ?? 0,
    get alive() {
      return !broken && conn.isValid();
    },
    async query(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      const rows: unknown = await conn.query(sql, params as unknown[] | undefined);
      return Array.isArray(rows) ? (rows as Row[]) : [];
    },
    release,
    close: async () => {
      await conn.end();
    },
    destroy: () => {
      broken = true;
      conn.destroy();
    },
    reset: () => conn.reset(),
  };
}
