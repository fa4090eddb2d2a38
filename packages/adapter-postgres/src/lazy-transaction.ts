import type { QueryResult, TransactionQueryable } from './postgres-driver.js';

/** Sends one query on a connection; a text of several statements may resolve to one result per statement (`pg` does). */
export type SendQuery = (text: string, params?: readonly unknown[]) => Promise<unknown>;

/**
 * A transaction on one `pg` connection that costs no round trip of its own: `BEGIN` and the
 * settings after it travel with the first statement without parameters (the simple protocol runs
 * a text of several statements in order and stops at the first error), a write queued with
 * `beforeCommit` travels with the `COMMIT`, and a transaction that ran nothing sends nothing.
 * A statement with parameters (extended protocol: one statement per message) is preceded by the
 * `BEGIN` on its own.
 * @example
 * const tx = new LazyTransaction((text, params) => client.query(text, params), 'SET LOCAL lock_timeout = 5000');
 * await tx.queryable.query('CREATE TABLE t (id int)'); // BEGIN; SET LOCAL …; CREATE TABLE … in one round trip
 * await tx.commit();
 */
export class LazyTransaction {
  readonly #send: SendQuery;
  readonly #head: string;
  #opened = false;
  #tail: string | undefined;

  constructor(send: SendQuery, begin?: string) {
    this.#send = send;
    this.#head = begin ? `BEGIN; ${begin}` : 'BEGIN';
  }

  /** True once BEGIN was sent (so a failure must be rolled back). */
  get opened(): boolean {
    return this.#opened;
  }

  readonly queryable: TransactionQueryable = {
    query: async (text, params) => {
      if (this.#tail !== undefined) {
        const tail = this.#tail;
        this.#tail = undefined;
        await this.#run(tail);
      }
      if (params && params.length > 0) {
        if (!this.#opened) await this.#run('');
        return lastResult(await this.#send(text, params));
      }
      return this.#run(text);
    },
    beforeCommit: (text) => {
      this.#tail = this.#tail === undefined ? text : `${this.#tail};\n${text}`;
    },
  };

  /** COMMIT, with the queued write; nothing when nothing was sent. */
  async commit(): Promise<void> {
    const tail = this.#tail;
    this.#tail = undefined;
    if (!this.#opened && tail === undefined) return;
    await this.#run(tail === undefined ? 'COMMIT' : `${tail};\nCOMMIT`);
  }

  /** ROLLBACK when BEGIN was sent; nothing otherwise. */
  async rollback(): Promise<void> {
    this.#tail = undefined;
    if (this.#opened) await this.#send('ROLLBACK');
  }

  /** Sends `text` (no parameters), with BEGIN before it when the transaction is not open yet. */
  async #run(text: string): Promise<QueryResult> {
    if (this.#opened) return lastResult(await this.#send(text));
    this.#opened = true; // from here a failure is rolled back (a ROLLBACK outside a transaction only warns)
    const prefix = `${this.#head};\n`;
    try {
      return lastResult(await this.#send(text === '' ? this.#head : prefix + text));
    } catch (error) {
      throw shiftPosition(error, text === '' ? 0 : prefix.length);
    }
  }
}

/** The result of the last statement of a text (`pg` resolves a text of several statements to an array). */
function lastResult(r: unknown): QueryResult {
  const last = Array.isArray(r) ? r[r.length - 1] : r;
  return { rows: ((last as { rows?: Record<string, unknown>[] } | undefined)?.rows ?? []) as Record<string, unknown>[] };
}

/** An error's `position` (1-based, in the text sent) made relative to the caller's own text again. */
function shiftPosition(error: unknown, by: number): unknown {
  const e = error as { position?: unknown };
  if (by > 0 && e && typeof e.position === 'string' && Number(e.position) > by) e.position = String(Number(e.position) - by);
  return error;
}
