import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';
import type { NodeSchemaVersion } from './schema-versions.js';

/** The Cassandra cluster could not be reached (or refused the credentials). Never shows a password. */
export class CassandraConnectionError extends DuctapeError {
  constructor(contactPoints: readonly string[], cause: unknown) {
    super(
      ErrorCodes.connection,
      `could not connect to Cassandra at ${contactPoints.join(', ')}: ${redactSecrets(cause instanceof Error ? cause.message : String(cause))}`,
      'check that the cluster is up and that contactPoints, localDataCenter and the credentials are right (`pnpm services:up cassandra` for the test server)',
    );
  }
}

/**
 * The nodes did not agree on the schema within the timeout (after a schema change, or before a
 * history row is written): the next step would race the change, so nothing more runs and nothing
 * is recorded as applied. Names each node that differs, with its version and how it was read.
 * @example err.disagreeing // [{ node: '127.0.0.4:9042', version: '9f3c…', source: 'gossip', unreachable: 'no answer within 3000 ms (OperationTimedOutError)' }]
 */
export class CassandraSchemaAgreementError extends DuctapeError {
  /** Every ring member's version as read at the deadline. */
  readonly versions: readonly NodeSchemaVersion[];
  /** The members whose version differs from the coordinator's (or the most common) one. */
  readonly disagreeing: readonly NodeSchemaVersion[];

  constructor(timeoutMs: number, versions: readonly NodeSchemaVersion[] = [], disagreeing: readonly NodeSchemaVersion[] = []) {
    const agreeing = versions.filter((v) => !disagreeing.includes(v));
    const describe = (v: NodeSchemaVersion) => {
      const how = [v.source === 'gossip' ? 'as last gossiped' : '', v.unreachable ?? ''].filter((s) => s !== '');
      return `${v.node} at ${v.version ?? 'an unknown version'}${how.length ? ` (${how.join('; ')})` : ''}`;
    };
    const detail = disagreeing.length
      ? `: ${disagreeing.map(describe).join(', ')} ${disagreeing.length === 1 ? 'disagrees' : 'disagree'} with ${agreeing.length ? `${agreeing.map((v) => v.node).join(', ')} at ${agreeing[0]?.version}` : 'each other'}`
      : '';
    super(
      ErrorCodes.connection,
      `the Cassandra nodes did not agree on the schema within ${timeoutMs} ms${detail}`,
      `bring ${disagreeing.length ? disagreeing.map((v) => v.node).join(', ') : 'the nodes'} back (\`nodetool status\`, \`nodetool describecluster\`) or remove a dead node from the ring (\`nodetool removenode\`), then run up again: the step that was running is checked in the live schema and recorded, nothing after it ran (raise schemaAgreementTimeoutMs on large clusters)`,
    );
    this.versions = versions;
    this.disagreeing = disagreeing;
  }
}
