import { setTimeout as sleep } from 'node:timers/promises';
import { Client, type QueryOptions, auth, errors, types } from 'cassandra-driver';
import { CassandraConnectionError, CassandraSchemaAgreementError } from './cassandra-errors.js';
import { disagreeing, schemaVersions } from './schema-versions.js';

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
      // The driver's default (12 s) for every request and for opening a connection: a node that
      // hangs (paused, swapping) costs a connect 12 s, not a minute. Schema changes get 60 s.
      socketOptions: { readTimeout: 12_000 },
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

  /**
   * Runs one statement; after a schema change, waits until every node of the ring agrees on the
   * schema (the driver's own wait and ours share one deadline, `schemaAgreementTimeoutMs` from
   * when the statement was sent).
   */
  async execute(text: string, params: readonly unknown[] = [], schemaChange = false, options: QueryOptions = {}): Promise<types.ResultSet> {
    const sent = Date.now();
    const result = await this.client.execute(text, [...params], { prepare: params.length > 0, ...(schemaChange ? { readTimeout: 60_000 } : {}), ...options });
    const agreed = (result.info as { isSchemaInAgreement?: boolean }).isSchemaInAgreement;
    if (schemaChange || agreed === false) await this.waitForSchemaAgreement({ since: sent, coordinator: result.info.queriedHost });
    return result;
  }

  /**
   * Runs a statement that may safely run twice (a read, or a write of fixed values), trying it
   * again when the coordinator timed out waiting for replicas or found too few alive: on a ring a
   * node that hangs is still chosen as a read replica until gossip convicts it (10–20 s), and a
   * QUORUM read then times out. Up to 6 more tries over ~30 s; then the last error is thrown.
   * @example await driver.executeIdempotent('SELECT name FROM "app"."_ductape_migrations"', [], { consistency: types.consistencies.quorum })
   */
  async executeIdempotent(text: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<types.ResultSet> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.execute(text, [...params], { prepare: params.length > 0, isIdempotent: true, ...options });
      } catch (error) {
        if (attempt >= 6 || !isReplicaTimeout(error)) throw error;
        await sleep(500 * 2 ** attempt);
      }
    }
  }

  /**
   * Polls `metadata.checkSchemaAgreement()` (the control connection's system.local and every row
   * of its system.peers: a node that is down or hangs keeps the version it last gossiped, so it
   * counts as disagreeing until it has caught up) until it is true. At the deadline every node's
   * version is read (see schemaVersions): when they do agree it returns, otherwise it throws
   * CassandraSchemaAgreementError naming the nodes that differ from the coordinator's version.
   * @example await driver.waitForSchemaAgreement() // before writing history: the ring agrees now
   */
  async waitForSchemaAgreement({ since = Date.now(), coordinator }: { since?: number; coordinator?: string } = {}): Promise<void> {
    const metadata = this.client.metadata as unknown as { checkSchemaAgreement(): Promise<boolean> };
    const deadline = since + this.schemaAgreementTimeoutMs;
    while (!(await metadata.checkSchemaAgreement())) {
      if (Date.now() >= deadline) {
        const versions = await schemaVersions(this.client);
        const reference = versions.find((v) => v.node === coordinator && v.source === 'own')?.version;
        const differ = disagreeing(versions, reference);
        if (differ.length === 0) return; // every node, read directly, has one version
        throw new CassandraSchemaAgreementError(this.schemaAgreementTimeoutMs, versions, differ);
      }
      await sleep(200);
    }
  }
}

/** A coordinator's timeout or unavailable answer about replicas (not a Paxos round: see the lock). */
function isReplicaTimeout(error: unknown): boolean {
  if (!(error instanceof errors.ResponseError)) return error instanceof errors.OperationTimedOutError;
  const e = error as errors.ResponseError & { writeType?: string };
  const codes = types.responseErrorCodes;
  return e.code === codes.readTimeout || e.code === codes.unavailableException || (e.code === codes.writeTimeout && e.writeType !== 'CAS');
}
