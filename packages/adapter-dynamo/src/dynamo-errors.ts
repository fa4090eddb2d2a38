import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';

const CONNECTION = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'TimeoutError', 'UnknownEndpoint', 'CredentialsProviderError']);

/** The AWS error name (`ResourceNotFoundException`, …) or Node error code of a failure. */
export function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { name?: unknown; code?: unknown };
  return typeof e.code === 'string' && CONNECTION.has(e.code) ? e.code : typeof e.name === 'string' ? e.name : '';
}

/** DynamoDB could not be reached (network, endpoint, credentials). */
export class DynamoConnectionError extends DuctapeError {
  constructor(what: string, cause: unknown) {
    super(ErrorCodes.connection, `cannot reach DynamoDB for ${what}: ${redactSecrets(describe(cause))}`, 'check the endpoint, region and credentials of the connection, and that DynamoDB answers', {
      cause,
    });
  }
}

/** What to do next, by AWS error name. */
const HINTS: { readonly [awsName: string]: string } = {
  ResourceNotFoundException: 'the table does not exist: check the collection name and the tablePrefix option',
  ResourceInUseException: 'the table exists already or is being changed by another operation: check its state (DescribeTable), then run again',
  LimitExceededException:
    'DynamoDB limits concurrent table and index operations and still refused after options.waitTimeoutMs: wait for the others to finish (DescribeTable, ListTables), then run again to resume',
  ValidationException: 'DynamoDB refused the input shown in the plan (engine.plan): fix the migration, or the table by hand, then run again',
};

/** DynamoDB refused a command; the message names the command, the table and DynamoDB's reason. */
export class DynamoCommandError extends DuctapeError {
  readonly awsName: string;
  constructor(command: string, table: string, cause: unknown, hint?: string) {
    const fallback = HINTS[errorName(cause)] ?? 'fix the cause shown by DynamoDB, then run again';
    super(ErrorCodes.migrationFailed, `DynamoDB ${command}${table ? ` on ${table}` : ''} failed: ${redactSecrets(describe(cause))}`, hint ?? fallback, { cause });
    this.awsName = errorName(cause);
  }
}

/** A table or index did not reach the wanted state within the wait timeout. */
export class DynamoWaitTimeoutError extends DuctapeError {
  constructor(what: string, until: string, status: string, ms: number) {
    super(
      ErrorCodes.migrationFailed,
      `${what} was not ${until} after ${ms} ms (last status ${status})`,
      'DynamoDB is still working on it: run up again later to resume this step (it waits again without re-sending), or raise options.waitTimeoutMs',
    );
  }
}

/**
 * The error to throw for a failed DynamoDB call: a connection error, or the command's refusal.
 * @example throw wrapError('UpdateTable', 'users', err)
 */
export function wrapError(command: string, table: string, error: unknown): DuctapeError {
  if (error instanceof DuctapeError) return error;
  return CONNECTION.has(errorName(error)) ? new DynamoConnectionError(`${command}${table ? ` on ${table}` : ''}`, error) : new DynamoCommandError(command, table, error);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const name = errorName(error);
  return name && !error.message.startsWith(name) ? `${name}: ${error.message}` : error.message;
}
