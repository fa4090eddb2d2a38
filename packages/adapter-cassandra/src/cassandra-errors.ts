import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';

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

/** A schema change did not reach every node within the timeout; the next step would race it. */
export class CassandraSchemaAgreementError extends DuctapeError {
  constructor(timeoutMs: number) {
    super(
      ErrorCodes.connection,
      `the Cassandra nodes did not agree on the schema within ${timeoutMs} ms after a schema change`,
      'check the nodes (`nodetool describecluster`), then run up again to resume at the next step (raise schemaAgreementTimeoutMs on large clusters)',
    );
  }
}
