/** Stable error codes. Never renamed: users match on them in scripts and CI. */
export const ErrorCodes = {
  invalidArgument: 'DUCTAPE_INVALID_ARGUMENT',
  validation: 'DUCTAPE_VALIDATION',
  checksumMismatch: 'DUCTAPE_CHECKSUM_MISMATCH',
  unsupportedOperation: 'DUCTAPE_UNSUPPORTED_OPERATION',
  irreversible: 'DUCTAPE_IRREVERSIBLE',
  notApplied: 'DUCTAPE_NOT_APPLIED',
  migrationFailed: 'DUCTAPE_MIGRATION_FAILED',
  failedMigrationPending: 'DUCTAPE_FAILED_MIGRATION_PENDING',
  lockTimeout: 'DUCTAPE_LOCK_TIMEOUT',
  lockLost: 'DUCTAPE_LOCK_LOST',
  compensationImpossible: 'DUCTAPE_COMPENSATION_IMPOSSIBLE',
  connection: 'DUCTAPE_CONNECTION',
  configuration: 'DUCTAPE_CONFIG',
  adapterNotInstalled: 'DUCTAPE_ADAPTER_NOT_INSTALLED',
  notConnected: 'DUCTAPE_NOT_CONNECTED',
  alreadyExists: 'DUCTAPE_ALREADY_EXISTS',
  notFound: 'DUCTAPE_NOT_FOUND',
  confirmationRequired: 'DUCTAPE_CONFIRMATION_REQUIRED',
  dataUpdateFailed: 'DUCTAPE_DATA_UPDATE_FAILED',
  // Raised by the `ductape` command line (@ductape/cli), listed here so every code lives in one place.
  /** The command line was called wrongly (exit 2). */
  usage: 'DUCTAPE_USAGE',
  /** An error without a code of its own: a bug or a foreign error, its stack shown with DUCTAPE_DEBUG=1. */
  unexpected: 'DUCTAPE_UNEXPECTED',
  /** A confirmation prompt was answered no: nothing was changed. */
  aborted: 'DUCTAPE_ABORTED',
  /** The migrations directory does not exist or is not a directory. */
  noMigrationsDir: 'DUCTAPE_NO_MIGRATIONS_DIR',
  /** Two migration files share a tag or a name. */
  duplicateMigration: 'DUCTAPE_DUPLICATE_MIGRATION',
  /** A migration file could not be imported or exports no built migration. */
  migrationLoad: 'DUCTAPE_MIGRATION_LOAD',
  /** A TypeScript migration file needs tsx (4.10+), which is not installed. */
  tsxMissing: 'DUCTAPE_TSX_MISSING',
  /** The history records migrations whose files are gone. */
  missingMigrations: 'DUCTAPE_MISSING_MIGRATIONS',
  /** The adapter's lock cannot be released by force (`ductape unlock`). */
  unlockUnsupported: 'DUCTAPE_UNLOCK_UNSUPPORTED',
  /** `ductape repair` was asked of a migration that is not failed or interrupted. */
  notFailed: 'DUCTAPE_NOT_FAILED',
  /** `ductape baseline` met a migration that already has a history row. */
  baselineConflict: 'DUCTAPE_BASELINE_CONFLICT',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
