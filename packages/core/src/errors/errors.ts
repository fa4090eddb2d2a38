import { ErrorCodes } from './error-codes.js';
import { DuctapeError } from './ductape-error.js';

/** One reason a migration or an argument is invalid. `path` points into the input. */
export interface ValidationIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** A public function was called with an argument of the wrong type or shape. */
export class InvalidArgumentError extends DuctapeError {
  constructor(what: string, expected: string, got: unknown) {
    super(ErrorCodes.invalidArgument, `${what} must be ${expected}, got ${describe(got)}`, `pass ${expected} as ${what}`);
  }
}

/** A migration (or an operation in it) breaks a rule; `issues` lists every reason. */
export class ValidationError extends DuctapeError {
  readonly issues: readonly ValidationIssue[];
  constructor(subject: string, issues: readonly ValidationIssue[]) {
    const list = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    super(ErrorCodes.validation, `${subject} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}): ${list}`, 'fix the listed problems; nothing was changed in the database');
    this.issues = issues;
  }
}

/** The migration's content differs from what was recorded when it ran. */
export class ChecksumMismatchError extends DuctapeError {
  constructor(
    readonly migrationName: string,
    readonly recorded: string,
    readonly actual: string,
  ) {
    super(
      ErrorCodes.checksumMismatch,
      `migration "${migrationName}" was changed after it ran (recorded checksum ${recorded.slice(0, 12)}…, now ${actual.slice(0, 12)}…)`,
      'restore the original migration and put the change in a new migration; nothing was changed in the database',
    );
  }
}

/** The adapter cannot run this operation. Raised before any IO. */
export class UnsupportedOperationError extends DuctapeError {
  /** `migration` names the migration that holds the operation, when there is one. */
  constructor(adapter: string, operation: string, reason: string, migration?: string) {
    const where = migration === undefined ? '' : ` (in migration "${migration}")`;
    super(
      ErrorCodes.unsupportedOperation,
      `the ${adapter} database cannot run ${operation}${where}: ${reason}`,
      migration === undefined
        ? `remove the operation or use a raw operation for ${adapter}; nothing was changed in the database`
        : `remove the operation from migration "${migration}" or write it as a raw operation for ${adapter}; nothing was changed in the ${adapter} database`,
    );
  }
}

/** `down` was asked of a migration whose down cannot be derived. */
export class IrreversibleMigrationError extends DuctapeError {
  constructor(
    readonly migrationName: string,
    reason: string,
  ) {
    super(ErrorCodes.irreversible, `migration "${migrationName}" cannot be rolled back: ${reason}`, `${irreversibleHint(reason)}; nothing was changed in the database`);
  }
}

/** `down` of a migration that is not applied. */
export class NotAppliedError extends DuctapeError {
  constructor(
    readonly migrationName: string,
    state: string,
  ) {
    super(ErrorCodes.notApplied, `migration "${migrationName}" is ${state}, so it cannot be rolled back`, 'check getHistory() or getStatus() for what is applied; nothing was changed in the database');
  }
}

/** A step failed. The history row says how many steps ran. */
export class MigrationFailedError extends DuctapeError {
  constructor(
    readonly migrationName: string,
    readonly direction: 'up' | 'down',
    readonly stepsApplied: number,
    readonly stepsTotal: number,
    readonly rolledBack: boolean,
    cause: unknown,
    /** The 0-based index of the step that failed, when known (default: the first unapplied one). */
    failedStep: number = stepsApplied,
  ) {
    const what = rolledBack ? 'the transaction was rolled back, nothing is left applied' : `${stepsApplied} of ${stepsTotal} steps are applied and recorded`;
    super(
      ErrorCodes.migrationFailed,
      `migration "${migrationName}" failed (${direction}) at step ${failedStep + 1} of ${stepsTotal}: ${causeMessage(cause)}; ${what}`,
      rolledBack
        ? 'fix the cause and run it again'
        : direction === 'up'
          ? "fix the cause and run up again to resume at the failed step, or run up with { recover: 'compensate' } to undo the applied steps first"
          : 'fix the cause and run down again to resume the rollback',
      { cause },
    );
  }
}

/** A migration is recorded as failed or interrupted and the caller did not say how to recover. */
export class FailedMigrationPendingError extends DuctapeError {
  constructor(
    readonly migrationName: string,
    detail: string,
    hint: string,
  ) {
    super(ErrorCodes.failedMigrationPending, `migration "${migrationName}" ${detail}`, hint);
  }
}

/** A compensation cannot be done safely. */
export class CompensationImpossibleError extends DuctapeError {
  constructor(
    readonly migrationName: string,
    reason: string,
  ) {
    super(
      ErrorCodes.compensationImpossible,
      `cannot compensate migration "${migrationName}": ${reason}`,
      'resume it with up() instead, or fix the database by hand and mark it with the CLI `repair` command',
    );
  }
}

/** Someone else holds the migration lock for longer than the timeout. */
export class LockTimeoutError extends DuctapeError {
  constructor(
    readonly holder: string | undefined,
    timeoutMs: number,
  ) {
    super(
      ErrorCodes.lockTimeout,
      `could not take the migration lock within ${timeoutMs} ms; it is held by ${holder ?? 'an unknown holder'}`,
      'wait for that run to finish; if its process is gone, its lease expires by itself (or run `ductape unlock`)',
    );
  }
}

/** The lease was lost while working (another runner took over after it expired). */
export class LockLostError extends DuctapeError {
  constructor(readonly migrationName: string) {
    super(
      ErrorCodes.lockLost,
      `lost the migration lock while running "${migrationName}"; stopped before the next step`,
      'another runner took over after the lease expired; check status, then run up again (raise leaseMs if steps are slow)',
    );
  }
}

// What to do depends on why there is no down: a raw operation without `down`, or a drop/change
// without the `previous` definition it would restore.
function irreversibleHint(reason: string): string {
  const drop = /^(dropField|dropCollection|dropIndex|dropConstraint|modifyField) "([^"]*)" has no previous definition/.exec(reason);
  if (!drop) return 'write a new migration that undoes it, or give the raw operation a `down`';
  const [, op, what] = drop;
  const previous = op === 'dropCollection' ? 'the table definition' : op === 'dropIndex' ? 'the index definition' : op === 'dropConstraint' ? 'the constraint definition' : 'the field definition';
  return (
    `pass ${previous} as \`previous\` to ${op}("${what}") in the migration (db.schema.* does this by introspection), ` +
    `or, if "${what}" did not exist when it ran, the up changed nothing to undo: remove its history row with the CLI \`repair\` command`
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (it is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `the string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function causeMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
