import { DuctapeError, ErrorCodes } from '@ductape/core';

/**
 * The connected server lacks a feature an operation needs (e.g. FerretDB has no `$jsonSchema`
 * validators). Raised by compile, before any IO. Code DUCTAPE_UNSUPPORTED_OPERATION.
 * @example throw new MissingFeatureError('createCollection "users"', '$jsonSchema validators', true)
 */
export class MissingFeatureError extends DuctapeError {
  constructor(
    readonly operation: string,
    readonly feature: string,
    canWarn: boolean,
  ) {
    super(
      ErrorCodes.unsupportedOperation,
      `mongo cannot run ${operation}: the server does not support ${feature} (probed at connect)`,
      canWarn
        ? `use MongoDB 5.0+ for this, or set the adapter option onMissingFeature: 'warn' to run it without ${feature} (a warning is logged); nothing was changed in the database`
        : 'use MongoDB 5.0+ for this operation, or remove it; nothing was changed in the database',
    );
  }
}
