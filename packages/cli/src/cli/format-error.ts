import type { ErrorCode } from '@ductape/sdk';
import { cliWording } from './cli-wording.js';
import { ExitCode, type ExitCodeValue } from './exit-codes.js';

/** An error as printed: code, message without the hint, hint, exit code. */
export interface ErrorReport {
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;
}

/** Library error codes with an exit code of their own (the rest exit 1). */
const EXIT_BY_CODE: { readonly [code in ErrorCode]?: ExitCodeValue } = {
  DUCTAPE_CONFIRMATION_REQUIRED: ExitCode.aborted,
};

/**
 * What to print for an error: library and CLI errors (a `DUCTAPE_*` code and a hint) are user
 * errors, shown without a stack, their advice worded for the CLI (`--recover compensate`, not
 * `{ recover: 'compensate' }`), the hint never repeated inside the message and advice meant for
 * this project's own test servers (`pnpm services:up …`) left out; anything else is unexpected (its stack only with DUCTAPE_DEBUG=1).
 * @example const r = errorReport(error); out.error(`error: ${r.message}`);
 */
export function errorReport(error: unknown): ErrorReport {
  const e = error as { code?: unknown; hint?: unknown; message?: unknown; exitCode?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.code === 'string' && e.code.startsWith('DUCTAPE_') && typeof e.hint === 'string') {
    // The library appends ` — <hint>` to its messages, sometimes followed by more (`(connecting
    // with …)`): the hint is printed once, on its own line.
    const text = message.split(` — ${e.hint}`).join('');
    // A DUCTAPE_* code with a hint comes from a DuctapeError or a CliError, both typed with the registry.
    const code = e.code as ErrorCode;
    const exitCode = typeof e.exitCode === 'number' ? (e.exitCode as ExitCodeValue) : (EXIT_BY_CODE[code] ?? ExitCode.failure);
    return { code, message: cliWording(text), hint: cliWording(e.hint), exitCode };
  }
  return { code: 'DUCTAPE_UNEXPECTED', message, hint: undefined, exitCode: ExitCode.failure };
}
