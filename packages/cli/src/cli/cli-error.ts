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
 * A usage error (exit 2): `message` says in one line what is wrong, `hint` in one line what to
 * run instead (a real command line, never a placeholder such as `<command>`).
 * @example throw usageError('unknown command "stauts" (did you mean status?)', 'run `ductape status`');
 */
export function usageError(message: string, hint: string): CliError {
  return new CliError('DUCTAPE_USAGE', message, hint, ExitCode.usage);
}
