import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';

/**
 * The server could not be reached or refused the credentials. The message never holds the
 * connection string's password (passed through redactSecrets).
 * @example throw new MongoConnectionError('127.0.0.1:27017', error)
 */
export class MongoConnectionError extends DuctapeError {
  constructor(where: string, cause: unknown) {
    const detail = redactSecrets(cause instanceof Error ? cause.message : String(cause));
    super(
      ErrorCodes.connection,
      `cannot connect to MongoDB at ${redactSecrets(where)}: ${detail}`,
      'check that the server runs and the URL, user and password are right (for tests: `pnpm services:up mongo`)',
    );
  }
}
