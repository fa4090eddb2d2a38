import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';

/** The server could not be reached or refused the login. Never carries the password or URL. */
export class PostgresConnectionError extends DuctapeError {
  constructor(what: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      ErrorCodes.connection,
      `could not connect to PostgreSQL (${redactSecrets(what)}): ${redactSecrets(detail)}`,
      'check that the server is running and the connection settings are right (run `pnpm services:up postgres` for the test server)',
    );
  }
}

/**
 * Host, port and database of a connection URL, for messages (no user, no password).
 * @example describeUrl('postgres://u:secret@db:5432/app') // 'db:5432/app'
 */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'an unparsable connection URL';
  }
}
