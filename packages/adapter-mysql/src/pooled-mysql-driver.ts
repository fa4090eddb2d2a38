import type { MysqlConnectionSettings } from './connection-settings.js';
import type { MysqlConnection, MysqlDriver } from './mysql-driver.js';
import type { MysqlServerPool } from './mysql-server-pool.js';

/**
 * The MysqlDriver of an adapter made with a fleet's shared pool (`createConnectionPool`): it
 * borrows ONE connection of the pool on first use and runs everything on it — work, history and
 * the GET_LOCK lock (both drivers queue the statements of one connection) — until close() gives it
 * back, reset. So a fleet never holds more connections than the pool's `max` (its concurrency),
 * where an adapter of its own opens a pool plus a lock connection.
 * @example const adapter = new MysqlAdapter({ connection: url }, new PooledMysqlDriver(pool, parseConnection(url), 10));
 */
export class PooledMysqlDriver implements MysqlDriver {
  readonly #pool: MysqlServerPool;
  readonly #settings: MysqlConnectionSettings;
  readonly #lockWaitTimeoutSeconds: number;
  #lent: Promise<MysqlConnection> | undefined;
  #threadId: number | undefined;

  constructor(pool: MysqlServerPool, settings: MysqlConnectionSettings, lockWaitTimeoutSeconds = 10) {
    this.#pool = pool;
    this.#settings = settings;
    this.#lockWaitTimeoutSeconds = lockWaitTimeoutSeconds;
  }

  /** The borrowed connection; its release() keeps it (it goes back to the pool on close). */
  acquire(): Promise<MysqlConnection> {
    return this.#view();
  }

  /** The same borrowed connection: the lock lives on it, and is released explicitly or by the reset on close. */
  dedicated(): Promise<MysqlConnection> {
    return this.#view();
  }

  async close(): Promise<void> {
    const lent = this.#lent;
    this.#lent = undefined;
    const c = await lent?.catch(() => undefined);
    if (c) await this.#pool.giveBack(c);
  }

  ownThreadIds(): readonly number[] {
    return this.#threadId === undefined ? [] : [this.#threadId];
  }

  destroy(): void {
    const lent = this.#lent;
    this.#lent = undefined;
    void lent?.then(
      (c) => {
        c.destroy();
        return this.#pool.giveBack(c, true);
      },
      () => undefined,
    );
  }

  async #view(): Promise<MysqlConnection> {
    if (!this.#lent) {
      const lending = this.#pool.lend(this.#settings, this.#lockWaitTimeoutSeconds);
      this.#lent = lending;
      lending.catch(() => {
        if (this.#lent === lending) this.#lent = undefined; // the next call tries again
      });
    }
    const c = await this.#lent;
    this.#threadId = c.threadId;
    return {
      get threadId() {
        return c.threadId;
      },
      get alive() {
        return c.alive;
      },
      query: (sql, params) => c.query(sql, params),
      release: () => undefined,
      close: async () => undefined,
      destroy: () => c.destroy(),
    };
  }
}
