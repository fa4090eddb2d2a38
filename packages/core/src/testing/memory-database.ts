import type { HistoryEntry } from '../adapter/history.js';
import type { CollectionSnapshot } from '../model/operation.js';

interface MemoryLock {
  ownerId: string;
  description: string;
  expiresAt: number;
  token: number;
}

interface MemoryState {
  collections: Map<string, CollectionSnapshot>;
  history: HistoryEntry[];
  values: Map<string, unknown>;
}

/**
 * The state an in-memory "server" holds: collections, history, the lock and raw key/values.
 * Several MemoryAdapter instances may share one, like several processes sharing a database.
 * @example const db = new MemoryDatabase(); const a = new MemoryAdapter({ database: db });
 */
export class MemoryDatabase {
  state: MemoryState = { collections: new Map(), history: [], values: new Map() };
  lock: MemoryLock | undefined;
  lockTokens = 0;
  /** Every call that reaches the "server" (steps, history, lock), so tests can prove "before any IO". */
  ioCount = 0;
  /** History rows returned with their migration body (list, read), so tests can prove a path reads no bodies. */
  historyBodyReads = 0;
  /** The clock leases are measured with; tests may replace it. */
  now: () => number = () => Date.now();

  /** A deep copy of the schema state, for transactions. */
  snapshot(): MemoryState {
    return structuredClone(this.state);
  }

  restore(saved: MemoryState): void {
    this.state = saved;
  }
}
