import { ExitCode, type ExitCodeValue } from './exit-codes.js';

/**
 * An error of the command line itself (not of the library): printed as message and hint, never
 * with a stack, exiting with `exitCode`. `code` mirrors the library's `DUCTAPE_*` codes.
 * @example throw new CliError('DUCTAPE_USAGE', 'missing <name>', 'run `ductape new add_phone`', ExitCode.usage);
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
    readonly exitCode: ExitCodeValue = ExitCode.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * A usage error (exit 2).
 * @example throw usageError('unknown command "stauts"', 'run `ductape --help`');
 */
export function usageError(message: string, hint = 'run `ductape <command> --help`'): CliError {
  return new CliError('DUCTAPE_USAGE', message, hint, ExitCode.usage);
}
