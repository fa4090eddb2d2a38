import { type ConnectionPool, InvalidArgumentError, connectionPoolMax } from '@ductape/core';
import { MongoClient, type MongoClientOptions } from 'mongodb';

/**
 * One MongoClient per server shared by many adapters (the targets of a fleet), each client's
 * connection pool holding at most `max` connections (`maxPoolSize`): a MongoClient already pools
 * and serves every database of its server, so the targets of one server — a database each — share
 * it instead of opening a client (and its monitoring connections) each. An adapter given the pool
 * uses its server's client and never closes it; `close()` closes them all after the run.
 * @example
 * const pool = new MongoClientPool({ max: 4 });
 * const client = pool.clientFor('mongodb://db:27017/tenant_1'); // the same client for …/tenant_2
 */
export class MongoClientPool implements ConnectionPool {
  readonly max: number;
  readonly #clients = new Map<string, MongoClient>();
  #open = 0;
  #closed = false;

  constructor(options: { readonly max: number }) {
    this.max = connectionPoolMax(options);
  }

  /** Pooled connections open now over every client (monitoring connections not counted). */
  get open(): number {
    return this.#open;
  }

  /** Clients made so far: one per server (URL without its database, and client options). */
  get clients(): number {
    return this.#clients.size;
  }

  /**
   * The client of `url`'s server, made on first use with `maxPoolSize` at most `max`. The URL's
   * database path only picks the database; when it also picks the credentials' authSource (a user
   * in the URL and no authSource option) targets of different databases keep different clients.
   */
  clientFor(url: string, clientOptions: MongoClientOptions = {}): MongoClient {
    if (this.#closed) throw new InvalidArgumentError('the MongoDB client pool', 'a pool not closed yet (the fleet run is over)', 'closed');
    const server = serverUrl(url);
    const key = `${server}\u0000${JSON.stringify(clientOptions)}`;
    let client = this.#clients.get(key);
    if (!client) {
      client = new MongoClient(server, { serverSelectionTimeoutMS: 10_000, ...clientOptions, maxPoolSize: Math.min(clientOptions.maxPoolSize || this.max, this.max) });
      client.on('connectionCreated', () => this.#open++);
      client.on('connectionClosed', () => this.#open--);
      this.#clients.set(key, client);
    }
    return client;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const clients = [...this.#clients.values()];
    this.#clients.clear();
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
  }
}

/** `url` without its database path; with `authSource` set to that database when it was the credentials' source. */
function serverUrl(url: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/)([^/?#]*)(?:\/([^?#]*))?(\?[^#]*)?/.exec(url);
  if (!m) return url;
  const [, scheme, hosts, database, query] = m as unknown as [string, string, string, string | undefined, string | undefined];
  const params = new URLSearchParams(query?.slice(1) ?? '');
  if (hosts.includes('@') && !params.has('authSource') && database) params.set('authSource', decodeURIComponent(database));
  const q = params.toString();
  return `${scheme}${hosts}/${q ? `?${q}` : ''}`;
}
