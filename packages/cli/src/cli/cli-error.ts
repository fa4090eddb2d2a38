import type { ErrorCode } from '@ductape/sdk';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';

// This file and format-error.ts load with every command (even `ductape --help`), before the sdk,
// which main.ts imports lazily: they name codes as literals that the type `ErrorCode` checks
// against core's registry (ErrorCodes), and import the sdk for types only.

/**
 * An error of the command line itself (not of the library): printed as message and hint, never
 * with a stack, exiting with `exitCode`. `code` is one of core's registry (`ErrorCodes`), as the library's are.
 * @example throw new CliError('DUCTAPE_USAGE', 'missing <name>', 'run `ductape new add_phone`', ExitCode.usage);
 */
export class CliError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
    readonly exitCode: ExitCodeValue = ExitCode.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * A usage error (exit 2): `message` says in one line what is wrong, `hint` in one line what to
 * run instead (a real command line, never a placeholder such as `<command>`).
 * @example throw usageError('unknown command "stauts" (did you mean status?)', 'run `ductape status`');
 */
export function usageError(message: string, hint: string): CliError {
  return new CliError('DUCTAPE_USAGE', message, hint, ExitCode.usage);
}
