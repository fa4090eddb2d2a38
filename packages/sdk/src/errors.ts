import { DuctapeError, ErrorCodes } from '@ductape/core';

/** The config file or environment does not say how to reach a database. */
export class ConfigError extends DuctapeError {
  constructor(message: string, hint: string) {
    super(ErrorCodes.configuration, message, hint);
  }
}

/** The adapter package a database needs is not installed. */
export class AdapterNotInstalledError extends DuctapeError {
  constructor(readonly packageName: string, cause?: unknown) {
    super(ErrorCodes.adapterNotInstalled, `the adapter package "${packageName}" is not installed`, `run \`npm install ${packageName}\` in your project`, { cause });
  }
}

/** A method that needs a connection was called before `connect()`. */
export class NotConnectedError extends DuctapeError {
  constructor(what: string) {
    super(ErrorCodes.notConnected, `${what} needs a connected database`, "call `await db.connect({ env, product, database })` first");
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
