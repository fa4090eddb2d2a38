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
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
