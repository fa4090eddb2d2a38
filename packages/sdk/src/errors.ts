import { DuctapeError, ErrorCodes } from '@ductape/core';

/** The config file or environment does not say how to reach a database. */
export class ConfigError extends DuctapeError {
  constructor(message: string, hint: string) {
    super(ErrorCodes.configuration, message, hint);
  }
}

/** The adapter package a database needs is not installed. */
export class AdapterNotInstalledError extends DuctapeError {
  constructor(
    readonly packageName: string,
    cause?: unknown,
  ) {
    super(ErrorCodes.adapterNotInstalled, `the adapter package "${packageName}" is not installed`, `run \`npm install ${packageName}\` in your project`, { cause });
  }
}

/** A method that needs a connection was called before `connect()`, or after a `connect()` that failed. */
export class NotConnectedError extends DuctapeError {
  /** `failedConnect` describes the last connect() when it failed (the service is then disconnected). */
  constructor(what: string, failedConnect?: string) {
    super(
      ErrorCodes.notConnected,
      failedConnect === undefined ? `${what} needs a connected database` : `${what} needs a connected database, and the last ${failedConnect} failed, so none is connected`,
      failedConnect === undefined
        ? 'call `await db.connect({ env, product, database })` first'
        : 'fix the cause that connect() reported and call `await db.connect({ env, product, database })` again; a failed connect never keeps the previous connection',
    );
  }
}

/** The intent is already true in the database (the spec's "Migration Already Applied"). */
export class AlreadyExistsError extends DuctapeError {
  constructor(what: string) {
    super(ErrorCodes.alreadyExists, `${what} already exists`, 'nothing was changed; skip this step or change something else');
  }
}

/** The thing an intent refers to does not exist. */
export class NotFoundError extends DuctapeError {
  constructor(what: string) {
    super(ErrorCodes.notFound, `${what} does not exist`, 'check the name (getAdapter().introspect(name) shows what exists); nothing was changed');
  }
}

/** A destructive change on a protected environment without confirmation. */
export class ConfirmationRequiredError extends DuctapeError {
  constructor(operation: string, env: string) {
    super(
      ErrorCodes.confirmationRequired,
      `${operation} on env "${env}" is destructive and was refused`,
      'pass { confirm: true } to this call, or set DUCTAPE_CONFIRM_DESTRUCTIVE=1 for this process; nothing was changed',
    );
  }
}

/** The database refused a `db.update` (a value or row the checks before IO could not see). */
export class DataUpdateFailedError extends DuctapeError {
  constructor(
    readonly table: string,
    readonly rowsUpdated: number,
    detail: string,
    hint: string,
    cause: unknown,
  ) {
    super(ErrorCodes.dataUpdateFailed, `db.update of "${table}" was refused by the database: ${detail}`, hint, { cause });
  }
}

/** The database refused the first step of a `db.schema.*` change: nothing changed, nothing was recorded. */
export class SchemaChangeRefusedError extends DuctapeError {
  constructor(
    readonly migrationName: string,
    detail: string,
    recorded: boolean,
    cause: unknown,
  ) {
    super(
      ErrorCodes.migrationFailed,
      `the database refused migration "${migrationName}" at its first step: ${detail}; nothing was changed${recorded ? '' : ' and nothing was recorded in history'}`,
      recorded
        ? `fix the cause, then remove its failed history row with \`new MigrationEngine(db.getAdapter()).compensate('${migrationName}')\` and call it again`
        : 'fix the cause (for example, give a required field a default when the table has rows) and call it again',
      { cause },
    );
  }
}
