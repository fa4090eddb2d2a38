import { InvalidArgumentError } from '@ductape/core';
import { type ClientSession, type Db, type Document, MongoClient, type MongoClientOptions } from 'mongodb';
import { MongoConnectionError } from './mongo-connection-error.js';

/** How to reach the server: a URL, or these settings (the `connection` of a Ductape config). */
export interface MongoConnectionSettings {
  /** mongodb:// or mongodb+srv:// URL. */
  readonly url: string;
  /** Database to migrate; default: the URL's path, else the AdapterTarget's database. */
  readonly database?: string;
  /** Passed to `new MongoClient` (e.g. `{ monitorCommands: true }`, TLS options). */
  readonly clientOptions?: MongoClientOptions;
}

/**
 * One MongoClient and the database being migrated. `client` is public so callers (and tests)
 * can listen to command monitoring events.
 * @example
 * const driver = new MongoDriver({ url: 'mongodb://127.0.0.1:27017/app' });
 * await driver.connect();
 * await driver.command({ ping: 1 });
 */
export class MongoDriver {
  readonly client: MongoClient;
  readonly databaseName: string;
  readonly #where: string;
  /** True when `client` was given (a fleet's shared client): close() leaves it open. */
  readonly #shared: boolean;

  /** `client`: a client shared with other drivers (MongoClientPool), used instead of a new one and never closed here. */
  constructor(settings: MongoConnectionSettings, fallbackDatabase?: string, client?: MongoClient) {
    if (typeof settings?.url !== 'string' || !/^mongodb(\+srv)?:\/\//.test(settings.url)) {
      throw new InvalidArgumentError('the MongoDB connection', 'a mongodb:// or mongodb+srv:// URL', typeof settings?.url === 'string' ? '(a URL of another scheme)' : settings?.url);
    }
    const fromUrl = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(settings.url)?.[1];
    const name = settings.database ?? (fromUrl ? decodeURIComponent(fromUrl) : fallbackDatabase);
    if (!name) throw new InvalidArgumentError('the MongoDB database', 'a database name in the URL path or in `database`', undefined);
    this.databaseName = name;
    this.#where = settings.url.replace(/^(mongodb(?:\+srv)?:\/\/)(?:[^@/]*@)?([^/?]*).*$/, '$1$2');
    this.#shared = client !== undefined;
    this.client = client ?? new MongoClient(settings.url, { serverSelectionTimeoutMS: 10_000, ...settings.clientOptions });
  }

  get db(): Db {
    return this.client.db(this.databaseName);
  }

  async connect(): Promise<void> {
    try {
      await this.client.connect();
    } catch (error) {
      throw new MongoConnectionError(this.#where, error);
    }
  }

  async close(): Promise<void> {
    if (!this.#shared) await this.client.close();
  }

  /** Runs a command on the migrated database. */
  command(command: Document, session?: ClientSession): Promise<Document> {
    return this.db.command(command, session ? { session } : {});
  }
}
