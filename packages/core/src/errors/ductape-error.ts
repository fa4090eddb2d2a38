import type { ErrorCode } from './error-codes.js';

/**
 * Base class of every error the library throws on purpose.
 * `code` is stable; `hint` says what to do next.
 *
 * @example
 * try { await engine.up(m); } catch (e) {
 *   if (e instanceof DuctapeError && e.code === 'DUCTAPE_LOCK_TIMEOUT') console.log(e.hint);
 * }
 */
export class DuctapeError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;

  constructor(code: ErrorCode, message: string, hint: string, options?: { cause?: unknown }) {
    super(`${message} — ${hint}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = hint;
  }
}
