import type { AcquireResult, LockHandle, LockOwner, LockStore } from '@ductape/core';
import type { PostgresDriver } from './postgres-driver.js';
import { qualify, quoteIdent } from './quote.js';

/** Name of the lease table (used where there is one session only, i.e. PGlite). */
export const LOCK_TABLE = '_ductape_lock';

/**
 * A lease lock in a one-row table, for drivers without separate sessions (PGlite): an advisory
 * lock there would be re-entrant for every adapter sharing the database. A lease not renewed
 * expires, so a holder that stopped is taken over; the token grows with every takeover.
 * @example const lock = new PostgresLeaseLock(driver, 'public');
 */
export class PostgresLeaseLock implements LockStore {
  readonly #driver: PostgresDriver;
  readonly #table: string;
  readonly #schema: string;
  #ready: Promise<void> | undefined;

  constructor(driver: PostgresDriver, schema: string) {
    this.#driver = driver;
    this.#table = qualify(schema, LOCK_TABLE);
    this.#schema = quoteIdent(schema, 'schema');
  }

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    await this.#ensure();
    const r = await this.#driver.query(
      `INSERT INTO ${this.#table} AS l (id, owner_id, description, token, expires_at) VALUES (1, $1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, description = EXCLUDED.description, token = l.token + 1, expires_at = EXCLUDED.expires_at
       WHERE l.expires_at < clock_timestamp() OR l.owner_id = EXCLUDED.owner_id
       RETURNING token::text AS token`,
      [owner.id, owner.description, leaseMs],
    );
    const token = r.rows[0]?.token;
    if (token !== undefined) return { acquired: true, handle: { owner, token: Number(token) } };
    return { acquired: false, heldBy: await this.holder() };
  }

  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    const r = await this.#driver.query(`UPDATE ${this.#table} SET expires_at = clock_timestamp() + $3 * interval '1 millisecond' WHERE id = 1 AND owner_id = $1 AND token = $2 RETURNING 1 AS ok`, [
      handle.owner.id,
      handle.token,
      leaseMs,
    ]);
    return r.rows.length > 0;
  }

  async release(handle: LockHandle): Promise<void> {
    await this.#driver.query(`DELETE FROM ${this.#table} WHERE id = 1 AND token = $1`, [handle.token]);
  }

  /** Who holds an unexpired lease, or undefined when the lock is free. */
  async holder(): Promise<string | undefined> {
    await this.#ensure();
    const r = await this.#driver.query(`SELECT description, expires_at FROM ${this.#table} WHERE id = 1 AND expires_at > clock_timestamp()`);
    const row = r.rows[0];
    return row ? `${String(row.description)} (lease until ${new Date(row.expires_at as string | Date).toISOString()})` : undefined;
  }

  /** Removes the lease whoever holds it (`ductape unlock --yes`); the holder's next renew fails. */
  async forceRelease(): Promise<void> {
    await this.#ensure();
    await this.#driver.query(`DELETE FROM ${this.#table} WHERE id = 1`);
  }

  #ensure(): Promise<void> {
    this.#ready ??= this.#driver
      .query(
        `CREATE SCHEMA IF NOT EXISTS ${this.#schema}; CREATE TABLE IF NOT EXISTS ${this.#table} (id integer PRIMARY KEY CHECK (id = 1), owner_id text NOT NULL, description text NOT NULL, token bigint NOT NULL, expires_at timestamptz NOT NULL)`,
      )
      .then(() => undefined)
      .catch((error: unknown) => {
        this.#ready = undefined;
        throw error;
      });
    return this.#ready;
  }
}
