import type { EventEmitter } from 'node:events';
import type { Connection, Pool, PoolConnection } from 'mysql2/promise';
import type { MysqlConnectionSettings } from './connection-settings.js';
import { type MysqlConnection, type MysqlDriver, type Row, sessionSetup } from './mysql-driver.js';

export interface Mysql2DriverOptions {
  readonly settings: MysqlConnectionSettings;
  /** Pool size (default 4: migrations run one statement at a time, plus history and introspection). */
  readonly poolSize?: number;
  /** lock_wait_timeout of every session, in seconds (default 10): an ALTER never queues for long behind a transaction. */
  readonly lockWaitTimeoutSeconds?: number;
}

/**
 * The MysqlDriver over `mysql2/promise` (loaded on first use). Dates come back as strings and
 * are read as UTC; every connection runs `sessionSetup` before its first use.
 * @example const driver = new Mysql2Driver({ settings: parseConnection('mysql://root@127.0.0.1:3306/app') });
 */
export class Mysql2Driver implements MysqlDriver {
  readonly #options: Mysql2DriverOptions;
  readonly #ready = new WeakSet<object>();
  readonly #all = new Set<Connection>();
  #pool: Promise<Pool> | undefined;

  constructor(options: Mysql2DriverOptions) {
    this.#options = options;
  }

  async acquire(): Promise<MysqlConnection> {
    const pool = await this.#getPool();
    const conn = await pool.getConnection();
    const core = coreOf(conn);
    if (!this.#ready.has(core)) {
      core.on('error', () => undefined); // the pool drops a broken connection; never an unhandled 'error'
      this.#all.add(conn);
      core.once('end', () => this.#all.delete(conn));
      try {
        for (const text of this.#setup()) await conn.query(text);
      } catch (error) {
        conn.destroy();
        throw error;
      }
      this.#ready.add(core);
    }
    return wrap(conn, () => conn.release());
  }

  async dedicated(): Promise<MysqlConnection> {
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(this.#config());
    this.#all.add(conn);
    for (const text of this.#setup()) await conn.query(text);
    return wrap(conn, () => {
      this.#all.delete(conn);
      void conn.end().catch(() => conn.destroy());
    });
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    if (pool) await (await pool).end();
  }

  ownThreadIds(): readonly number[] {
    return [...this.#all].map((c) => c.threadId);
  }

  destroy(): void {
    for (const c of this.#all) c.destroy();
    this.#all.clear();
    void this.#pool?.then((p) => p.end()).catch(() => undefined); // stop its timers; the sockets are gone
    this.#pool = undefined;
  }

  #getPool(): Promise<Pool> {
    this.#pool ??= import('mysql2/promise').then((mysql) => mysql.createPool({ ...this.#config(), connectionLimit: this.#options.poolSize ?? 4, maxIdle: this.#options.poolSize ?? 4 }));
    return this.#pool;
  }

  #config() {
    return { ...this.#options.settings, dateStrings: true, supportBigNumbers: true, multipleStatements: false, charset: 'utf8mb4', timezone: 'Z' } as const;
  }

  #setup(): string[] {
    return sessionSetup(this.#options.lockWaitTimeoutSeconds ?? 10);
  }
}

function coreOf(conn: Connection): EventEmitter & { stream?: { destroyed?: boolean }; _closing?: boolean; _fatalError?: unknown } {
  return (conn as unknown as { connection: EventEmitter }).connection;
}

function wrap(conn: Connection | PoolConnection, release: () => void): MysqlConnection {
  const core = coreOf(conn);
  let broken = false;
  const mark = () => {
    broken = true;
  };
  core.on('error', mark);
  core.on('end', mark);
  return {
    threadId: conn.threadId,
    get alive() {
      return !broken && !core._closing && !core._fatalError && core.stream?.destroyed !== true;
    },
    async query(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      const [rows] = await conn.query(sql, params as unknown[] | undefined);
      return Array.isArray(rows) ? (rows as Row[]) : [];
    },
    release: () => {
      core.off('error', mark);
      core.off('end', mark);
      release();
    },
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
