import { type ConnectionPool, LendingPool, connectionPoolMax } from '@ductape/core';
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
  readonly #open: OpenMysqlConnection;
  readonly #pool: LendingPool<Slot>;
  /** The slot of each lent connection (borrowers hold the connection). */
  readonly #slotOf = new WeakMap<MysqlConnection, Slot>();

  /** 'mysql' or 'mariadb', for messages. */
  readonly name: string;

  constructor(options: { readonly max: number; readonly open: OpenMysqlConnection; readonly name: string }) {
    this.#pool = new LendingPool(connectionPoolMax(options), {
      keyOf: (s) => s.server,
      usable: (s) => s.connection.alive,
      reset: async ({ connection }) => {
        try {
          await connection.query('SELECT RELEASE_ALL_LOCKS()');
          await connection.reset?.();
          return connection.reset !== undefined && connection.alive;
        } catch {
          return false; // a connection that cannot be reset is not lent again
        }
      },
      close: ({ connection }) => connection.close().catch(() => connection.destroy()),
    });
    this.#open = options.open;
    this.name = options.name;
  }

  get max(): number {
    return this.#pool.max;
  }

  get open(): number {
    return this.#pool.open;
  }

  /** CONNECTION_ID() of every connection of the pool, lent or idle. */
  threadIds(): readonly number[] {
    return this.#pool.slots().map((s) => s.connection.threadId);
  }

  /**
   * Lends a connection on `settings.database`: an idle one of the same server (switched to that
   * database and given the session settings), a new one, or the next one given back.
   */
  async lend(settings: MysqlConnectionSettings, lockWaitTimeoutSeconds: number): Promise<MysqlConnection> {
    const server = serverKey(settings);
    const { slot, reused } = await this.#pool.acquire(
      server,
      async () => {
        try {
          return { server, connection: await this.#open(settings, lockWaitTimeoutSeconds) };
        } catch (error) {
          throw new MysqlConnectionError(this.name, describeConnection(settings), error);
        }
      },
      () => new MysqlConnectionError(this.name, describeConnection(settings), 'the connection pool is closed'),
    );
    this.#slotOf.set(slot.connection, slot);
    if (reused) {
      try {
        await slot.connection.query(`USE ${quoteIdent(settings.database)}`);
        for (const text of sessionSetup(lockWaitTimeoutSeconds)) await slot.connection.query(text);
      } catch (error) {
        await this.giveBack(slot.connection);
        throw new MysqlConnectionError(this.name, describeConnection(settings), error);
      }
    }
    return slot.connection;
  }

  /**
   * Takes a lent connection back: reset and kept idle, or closed when it broke, `discard` is true
   * or the pool is closed.
   */
  async giveBack(connection: MysqlConnection, discard = false): Promise<void> {
    const slot = this.#slotOf.get(connection);
    if (slot) await this.#pool.release(slot, discard);
  }

  async close(): Promise<void> {
    await this.#pool.close();
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
