import { setTimeout as sleep } from 'node:timers/promises';
import { Client, auth, types } from 'cassandra-driver';
import { CassandraConnectionError, CassandraSchemaAgreementError } from './cassandra-errors.js';

export interface CassandraDriverOptions {
  /** `host` or `host:port` of one or more nodes. */
  readonly contactPoints: readonly string[];
  readonly localDataCenter: string;
  readonly username?: string;
  readonly password?: string;
  /** How long to wait for schema agreement after each schema change (default 30 000 ms). */
  readonly schemaAgreementTimeoutMs?: number;
}

export type Row = types.Row;

/**
 * A thin wrapper of `cassandra-driver`'s Client: statements at LOCAL_QUORUM (prepared when they
 * have parameters) and a bounded wait for schema agreement after every schema change.
 * @example const d = new CassandraDriver({ contactPoints: ['127.0.0.1:9042'], localDataCenter: 'datacenter1' });
 */
export class CassandraDriver {
  readonly client: Client;
  readonly contactPoints: readonly string[];
  readonly schemaAgreementTimeoutMs: number;

  constructor(options: CassandraDriverOptions) {
    this.contactPoints = [...options.contactPoints];
    this.schemaAgreementTimeoutMs = options.schemaAgreementTimeoutMs ?? 30_000;
    this.client = new Client({
      contactPoints: [...options.contactPoints],
      localDataCenter: options.localDataCenter,
      ...(options.username !== undefined ? { authProvider: new auth.PlainTextAuthProvider(options.username, options.password ?? '') } : {}),
      protocolOptions: { maxSchemaAgreementWaitSeconds: Math.max(1, Math.ceil(this.schemaAgreementTimeoutMs / 1000)) },
      queryOptions: { consistency: types.consistencies.localQuorum },
      socketOptions: { readTimeout: 60_000 },
    });
  }

  async connect(): Promise<void> {
    try {
      await this.client.connect();
    } catch (error) {
      throw new CassandraConnectionError(this.contactPoints, error);
    }
  }

  async close(): Promise<void> {
    await this.client.shutdown();
  }

  /** Runs one statement; after a schema change, waits until every node agrees on the schema. */
  async execute(text: string, params: readonly unknown[] = [], schemaChange = false): Promise<types.ResultSet> {
    const result = await this.client.execute(text, [...params], { prepare: params.length > 0 });
    const agreed = (result.info as { isSchemaInAgreement?: boolean }).isSchemaInAgreement;
    if (schemaChange || agreed === false) await this.waitForSchemaAgreement();
    return result;
  }

  /** Polls `metadata.checkSchemaAgreement()` until it is true; throws after the timeout. */
  async waitForSchemaAgreement(): Promise<void> {
    const metadata = this.client.metadata as unknown as { checkSchemaAgreement(): Promise<boolean> };
    const deadline = Date.now() + this.schemaAgreementTimeoutMs;
    while (!(await metadata.checkSchemaAgreement())) {
      if (Date.now() >= deadline) throw new CassandraSchemaAgreementError(this.schemaAgreementTimeoutMs);
      await sleep(200);
    }
  }
}
