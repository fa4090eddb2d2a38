import { ExitCode, type ExitCodeValue } from './exit-codes.js';

/** An error as printed: code, message without the hint, hint, exit code. */
export interface ErrorReport {
  readonly code: string;
  readonly message: string;
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;
}

/**
 * What to print for an error: library and CLI errors (a `DUCTAPE_*` code and a hint) are user
 * errors, shown without a stack; anything else is unexpected (its stack only with DUCTAPE_DEBUG=1).
 * @example const r = errorReport(error); out.error(`error: ${r.message}`);
 */
export function errorReport(error: unknown): ErrorReport {
  const e = error as { code?: unknown; hint?: unknown; message?: unknown; exitCode?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.code === 'string' && e.code.startsWith('DUCTAPE_') && typeof e.hint === 'string') {
    const suffix = ` — ${e.hint}`;
    const text = message.endsWith(suffix) ? message.slice(0, -suffix.length) : message;
    const exitCode = typeof e.exitCode === 'number' ? (e.exitCode as ExitCodeValue) : ExitCode.failure;
    return { code: e.code, message: text, hint: e.hint, exitCode };
  }
  return { code: 'DUCTAPE_UNEXPECTED', message, hint: undefined, exitCode: ExitCode.failure };
}
