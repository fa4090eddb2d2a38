import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { type ConnectionPool, InvalidArgumentError, connectionPoolMax } from '@ductape/core';

/**
 * One DynamoDB client per endpoint (region, endpoint and credentials) shared by many adapters (the
 * targets of a fleet: tenants by table prefix on one endpoint), its HTTP agents keeping at most
 * `max` sockets open, instead of a client and its own sockets per target. An adapter given the
 * pool uses its endpoint's client and never destroys it; `close()` destroys them all after the run.
 * @example
 * const pool = new DynamoClientPool({ max: 4 });
 * const client = pool.clientFor(clientConfig('dynamodb://localhost:8000')); // the same for every tenant prefix
 */
export class DynamoClientPool implements ConnectionPool {
  readonly max: number;
  readonly #clients = new Map<string, { client: DynamoDBClient; agents: readonly (HttpAgent | HttpsAgent)[] }>();
  #closed = false;

  constructor(options: { readonly max: number }) {
    this.max = connectionPoolMax(options);
  }

  /** Sockets open now (in use and idle) over every client. */
  get open(): number {
    let n = 0;
    for (const { agents } of this.#clients.values()) for (const a of agents) for (const list of [...Object.values(a.sockets), ...Object.values(a.freeSockets)]) n += list?.length ?? 0;
    return n;
  }

  /** Clients made so far: one per endpoint. */
  get clients(): number {
    return this.#clients.size;
  }

  /** The client of `config`'s endpoint, made on first use with at most `max` sockets. */
  clientFor(config: DynamoDBClientConfig): DynamoDBClient {
    if (this.#closed) throw new InvalidArgumentError('the DynamoDB client pool', 'a pool not closed yet (the fleet run is over)', 'closed');
    const key = JSON.stringify([config.region, config.endpoint, config.credentials]);
    let made = this.#clients.get(key);
    if (!made) {
      const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: this.max, maxTotalSockets: this.max });
      const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: this.max, maxTotalSockets: this.max });
      made = { client: new DynamoDBClient({ ...config, requestHandler: { httpAgent, httpsAgent } }), agents: [httpAgent, httpsAgent] };
      this.#clients.set(key, made);
    }
    return made.client;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const { client, agents } of this.#clients.values()) {
      client.destroy();
      for (const a of agents) a.destroy();
    }
    this.#clients.clear();
  }
}
