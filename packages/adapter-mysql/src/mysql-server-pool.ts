import { type ConnectionPool, InvalidArgumentError } from '@ductape/core';
import { type MysqlConnectionSettings, describeConnection } from './connection-settings.js';
import { MysqlConnectionError } from './mysql-connection-error.js';
import { type MysqlConnection, sessionSetup } from './mysql-driver.js';
import { quoteIdent } from './quote.js';

/** Opens one connection with `settings` (its database selected, `sessionSetup(lockWaitTimeoutSeconds)` run): a driver's `dedicated()`. */
export type OpenMysqlConnection = (settings: MysqlConnectionSettings, lockWaitTimeoutSeconds: number) => Promise<MysqlConnection>;

interface Slot {
  /** The server and credentials (every setting but the database): a connection serves any database of its server. */
  readonly server: string;
  readonly connection: MysqlConnection;
}

/**
 * At most `max` MySQL/MariaDB connections shared by many adapters (the targets of a fleet), over
 * every server and database they use: an adapter borrows one connection for its whole life
 * (`connect` to `close`; its GET_LOCK, history and DDL all run on it). A connection given back
 * is reset (its GET_LOCK locks released, COM_RESET_CONNECTION: every session variable back to the
 * server's default, temporary tables dropped) and kept for the next adapter of the same server,
 * which selects its own database (`USE`) and session settings on it; a borrower for another server
 * closes the oldest idle connection first when the pool is full, and waits while all are lent.
 * @example
 * const pool = new MysqlServerPool({ max: 4, name: 'mysql', open: (settings, lockWaitTimeoutSeconds) => new Mysql2Driver({ settings, lockWaitTimeoutSeconds }).dedicated() });
 * const c = await pool.lend(parseConnection('mysql://root@db:3306/t_1'), 10); … await pool.giveBack(c);
 */
export class MysqlServerPool implements ConnectionPool {
  readonly max: number;
  readonly #open: OpenMysqlConnection;
  readonly #idle: Slot[] = [];
  readonly #lent = new Map<MysqlConnection, Slot>();
  /** Slots reserved for a connection being opened, reset or closed. */
  #pending = 0;
  readonly #waiters: (() => void)[] = [];
  #closed = false;

  /** 'mysql' or 'mariadb', for messages. */
  readonly name: string;

  constructor(options: { readonly max: number; readonly open: OpenMysqlConnection; readonly name: string }) {
    const max = options?.max;
    if (!(typeof max === 'number' && Number.isInteger(max) && max >= 1)) throw new InvalidArgumentError('max', 'a whole number of connections ≥ 1', max);
    this.max = max;
    this.#open = options.open;
    this.name = options.name;
  }

  get open(): number {
    return this.#idle.length + this.#lent.size + this.#pending;
  }

  /** CONNECTION_ID() of every connection of the pool, lent or idle. */
  threadIds(): readonly number[] {
    return [...this.#idle, ...this.#lent.values()].map((s) => s.connection.threadId);
  }

  /**
   * Lends a connection on `settings.database`: an idle one of the same server (switched to that
   * database and given the session settings), a new one, or the next one given back.
   */
  async lend(settings: MysqlConnectionSettings, lockWaitTimeoutSeconds: number): Promise<MysqlConnection> {
    const server = serverKey(settings);
    for (;;) {
      if (this.#closed) throw new MysqlConnectionError(this.name, describeConnection(settings), 'the connection pool is closed');
      const i = this.#idle.findIndex((s) => s.server === server && s.connection.alive);
      if (i >= 0) {
        const [slot] = this.#idle.splice(i, 1) as [Slot];
        this.#lent.set(slot.connection, slot);
        try {
          await slot.connection.query(`USE ${quoteIdent(settings.database)}`);
          for (const text of sessionSetup(lockWaitTimeoutSeconds)) await slot.connection.query(text);
        } catch (error) {
          await this.giveBack(slot.connection);
          throw new MysqlConnectionError(this.name, describeConnection(settings), error);
        }
        return slot.connection;
      }
      const stale = this.#idle.findIndex((s) => !s.connection.alive);
      if (stale >= 0 || (this.open >= this.max && this.#idle.length > 0)) {
        const [oldest] = this.#idle.splice(Math.max(stale, 0), 1) as [Slot];
        this.#pending++;
        await oldest.connection.close().catch(() => oldest.connection.destroy());
        this.#pending--;
      }
      if (this.open < this.max) return this.#connect(settings, server, lockWaitTimeoutSeconds);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /**
   * Takes a lent connection back: reset and kept idle, or closed when it broke, `discard` is true
   * or the pool is closed.
   */
  async giveBack(connection: MysqlConnection, discard = false): Promise<void> {
    const slot = this.#lent.get(connection);
    if (!slot) return;
    this.#lent.delete(connection);
    this.#pending++;
    try {
      if (!discard && !this.#closed && connection.alive) {
        try {
          await connection.query('SELECT RELEASE_ALL_LOCKS()');
          await connection.reset?.();
          if (connection.reset && connection.alive && !this.#closed) {
            this.#idle.push(slot);
            return;
          }
        } catch {
          // A connection that cannot be reset is not lent again.
        }
      }
      await connection.close().catch(() => connection.destroy());
    } finally {
      this.#pending--;
      this.#waiters.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const idle = this.#idle.splice(0);
    await Promise.all(idle.map((s) => s.connection.close().catch(() => s.connection.destroy())));
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async #connect(settings: MysqlConnectionSettings, server: string, lockWaitTimeoutSeconds: number): Promise<MysqlConnection> {
    this.#pending++;
    let connection: MysqlConnection;
    try {
      connection = await this.#open(settings, lockWaitTimeoutSeconds);
    } catch (error) {
      this.#pending--;
      this.#waiters.shift()?.();
      throw new MysqlConnectionError(this.name, describeConnection(settings), error);
    }
    this.#pending--;
    this.#lent.set(connection, { server, connection });
    return connection;
  }
}

/** Every setting but the database, keys sorted: connections of one key serve every database of that server. */
function serverKey(settings: MysqlConnectionSettings): string {
  const { database: _database, ...rest } = settings;
  return JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, rest[k]]),
  );
}
