import { type ConnectionPool, InvalidArgumentError, connectionPoolMax } from '@ductape/core';
import { CassandraDriver, type CassandraDriverOptions } from './cassandra-driver.js';

/**
 * The Cassandra clients of a fleet run (`createConnectionPool`): an adapter made with the pool
 * borrows one connected client for its whole life instead of opening its own (a control
 * connection, a connection per node and a fetch of the schema metadata each time); the next
 * adapter of the same ring reuses it and switches it to its own keyspace (`USE`, as every adapter
 * does on connect), so raw CQL with unqualified names keeps meaning the target's keyspace. One
 * client serves one adapter at a time: a client shared by several keyspaces at once could only
 * have one session keyspace (per-request keyspaces are DSE-only in cassandra-driver 4).
 *
 * It never waits: a fleet never has more adapters alive than its concurrency (= `max`), and no
 * more than `max` clients are kept: idle ones beyond it, or of another ring when a new one is
 * needed, are shut down.
 * @example
 * const pool = new CassandraClientPool({ max: 4 });
 * const driver = pool.take(settings); … await driver.close(); // back to the pool, still connected
 */
export class CassandraClientPool implements ConnectionPool {
  readonly max: number;
  readonly #idle: PooledCassandraDriver[] = [];
  readonly #lent = new Set<PooledCassandraDriver>();
  readonly #closing = new Set<Promise<void>>();
  #closed = false;

  constructor(options: { readonly max: number }) {
    this.max = connectionPoolMax(options, 'clients');
  }

  /** Pooled connections open now over every client (cassandra-driver's pool state; control connections not counted). */
  get open(): number {
    let n = 0;
    for (const d of [...this.#idle, ...this.#lent]) {
      const state = d.client.getState();
      for (const host of state.getConnectedHosts()) n += state.getOpenConnections(host);
    }
    return n;
  }

  /** Clients kept now (lent and idle). */
  get clients(): number {
    return this.#idle.length + this.#lent.size;
  }

  /** A client for `options`' ring: an idle one of the same ring (still connected), else a new one (connected by the adapter's connect()). */
  take(options: CassandraDriverOptions): CassandraDriver {
    if (this.#closed) throw new InvalidArgumentError('the Cassandra client pool', 'a pool not closed yet (the fleet run is over)', 'closed');
    const ring = ringKey(options);
    const i = this.#idle.findIndex((d) => d.ring === ring);
    const driver = i >= 0 ? (this.#idle.splice(i, 1)[0] as PooledCassandraDriver) : new PooledCassandraDriver(options, ring, this);
    this.#lent.add(driver);
    this.#trim();
    return driver;
  }

  /** Takes a client back (PooledCassandraDriver.close): kept idle, or shut down once the pool is closed. */
  giveBack(driver: PooledCassandraDriver): Promise<void> {
    if (!this.#lent.delete(driver)) return Promise.resolve();
    if (this.#closed) return driver.shutdown();
    this.#idle.push(driver);
    this.#trim();
    return Promise.resolve();
  }

  async close(): Promise<void> {
    this.#closed = true;
    const idle = this.#idle.splice(0);
    await Promise.all([...idle.map((d) => d.shutdown()), ...this.#closing]);
  }

  /** Shuts the oldest idle clients down while more than `max` are kept. */
  #trim(): void {
    while (this.#idle.length > 0 && this.#idle.length + this.#lent.size > this.max) {
      const p = (this.#idle.shift() as PooledCassandraDriver).shutdown();
      this.#closing.add(p);
      void p.finally(() => this.#closing.delete(p));
    }
  }
}

/** A CassandraDriver lent by a CassandraClientPool: close() gives its connected client back instead of shutting it down. */
export class PooledCassandraDriver extends CassandraDriver {
  readonly ring: string;
  readonly #pool: CassandraClientPool;

  constructor(options: CassandraDriverOptions, ring: string, pool: CassandraClientPool) {
    super(options);
    this.ring = ring;
    this.#pool = pool;
  }

  override close(): Promise<void> {
    return this.#pool.giveBack(this);
  }

  /** Shuts the client down for good (the pool's). */
  shutdown(): Promise<void> {
    return this.client.shutdown().catch(() => undefined);
  }
}

/** The ring and credentials of `options` (contact points sorted): clients of one key serve every keyspace of that ring. */
function ringKey(o: CassandraDriverOptions): string {
  return JSON.stringify([[...o.contactPoints].sort(), o.localDataCenter, o.username ?? null, o.password ?? null, o.schemaAgreementTimeoutMs ?? null]);
}
