import { InvalidArgumentError } from '../errors/errors.js';

/**
 * The `max` of a `createConnectionPool({ max })`, checked: a whole number ≥ 1.
 * @example const max = connectionPoolMax(options, 'connections'); // throws InvalidArgumentError for { max: 0 }
 */
export function connectionPoolMax(options: { readonly max: number } | undefined, unit = 'connections'): number {
  const max = options?.max;
  if (!(typeof max === 'number' && Number.isInteger(max) && max >= 1)) throw new InvalidArgumentError('max', `a whole number of ${unit} ≥ 1`, max);
  return max;
}

/** What a LendingPool needs to know of its slots (a connection or session and what it serves). */
export interface LendingPoolSlots<S> {
  /** The key an idle slot can be lent for again (a database URL, a server). */
  keyOf(slot: S): string;
  /** False once the slot broke: it is closed, never lent again. */
  usable(slot: S): boolean;
  /** Puts a slot given back as it was opened; true keeps it idle for the next borrower. Never throws (false). */
  reset(slot: S): Promise<boolean>;
  /** Closes a slot. Never throws. */
  close(slot: S): Promise<void>;
}

/**
 * At most `max` slots (connections, sessions) lent one borrower at a time, over every key they
 * serve: a borrower gets an idle usable slot of its key, or a new one; when the pool is full it
 * closes a broken idle slot, else the oldest idle one, to open its own, and waits while every slot
 * is lent. A slot given back is reset and kept idle, or closed when it broke, the borrower
 * discards it or the pool is closed. The bookkeeping the PostgreSQL and MySQL fleet pools share;
 * what a slot is and how it is reset stays in each adapter.
 * @example
 * const pool = new LendingPool(4, { keyOf: (s) => s.url, usable: (s) => !s.broken, reset: resetSession, close: (s) => s.end() });
 * const { slot } = await pool.acquire(url, () => connect(url), () => new Error('closed')); … await pool.release(slot);
 */
export class LendingPool<S> {
  readonly max: number;
  readonly #slots: LendingPoolSlots<S>;
  readonly #idle: S[] = [];
  readonly #lent = new Set<S>();
  /** Places reserved for a slot being opened, reset or closed. */
  #pending = 0;
  readonly #waiters: (() => void)[] = [];
  #closed = false;

  constructor(max: number, slots: LendingPoolSlots<S>) {
    this.max = connectionPoolMax({ max });
    this.#slots = slots;
  }

  /** Slots open now: lent, idle, and being opened, reset or closed. */
  get open(): number {
    return this.#idle.length + this.#lent.size + this.#pending;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Every slot open now, idle and lent. */
  slots(): readonly S[] {
    return [...this.#idle, ...this.#lent];
  }

  /**
   * Lends a slot of `key`: an idle one (`reused`: the borrower sets it up for itself), or a new one
   * from `open` (which throws the adapter's own typed error when it cannot); `closedError()` once
   * the pool is closed.
   */
  async acquire(key: string, open: () => Promise<S>, closedError: () => Error): Promise<{ readonly slot: S; readonly reused: boolean }> {
    for (;;) {
      if (this.#closed) throw closedError();
      const i = this.#idle.findIndex((s) => this.#slots.keyOf(s) === key && this.#slots.usable(s));
      if (i >= 0) {
        const [slot] = this.#idle.splice(i, 1) as [S];
        this.#lent.add(slot);
        return { slot, reused: true };
      }
      const broken = this.#idle.findIndex((s) => !this.#slots.usable(s));
      if (broken >= 0 || (this.open >= this.max && this.#idle.length > 0)) {
        const [evicted] = this.#idle.splice(Math.max(broken, 0), 1) as [S];
        this.#pending++;
        await this.#slots.close(evicted);
        this.#pending--;
      }
      if (this.open < this.max) return { slot: await this.#open(open), reused: false };
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** Takes a lent slot back: reset and kept idle, or closed (broken, `discard`, or the pool closed). */
  async release(slot: S, discard = false): Promise<void> {
    if (!this.#lent.delete(slot)) return;
    this.#pending++;
    try {
      if (!discard && !this.#closed && this.#slots.usable(slot) && (await this.#slots.reset(slot)) && this.#slots.usable(slot) && !this.#closed) {
        this.#idle.push(slot);
        return;
      }
      await this.#slots.close(slot);
    } finally {
      this.#pending--;
      this.#waiters.shift()?.();
    }
  }

  /** An idle slot that broke (its connection's error or end event) leaves the pool at once. */
  forget(slot: S): void {
    const i = this.#idle.indexOf(slot);
    if (i >= 0) {
      this.#idle.splice(i, 1);
      this.#waiters.shift()?.();
    }
  }

  /** Closes every idle slot, and each lent one as it comes back; waiting borrowers get `closedError()`. */
  async close(): Promise<void> {
    this.#closed = true;
    const idle = this.#idle.splice(0);
    await Promise.all(idle.map((s) => this.#slots.close(s)));
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async #open(open: () => Promise<S>): Promise<S> {
    this.#pending++;
    let slot: S;
    try {
      slot = await open();
    } catch (error) {
      this.#pending--;
      this.#waiters.shift()?.();
      throw error;
    }
    this.#pending--;
    this.#lent.add(slot);
    return slot;
  }
}
