import { redactSecrets } from '@ductape/core';
import { WORK_MARK } from './work-marker.js';

/**
 * The start of a statement for an error message: our marker dropped, whitespace folded, quoted
 * string literals blanked (so no value, let alone a password, is shown), cut to `max` characters.
 * @example statementPreview("/* ductape work *\/ ALTER TABLE t ADD c text DEFAULT 'x'") // "ALTER TABLE t ADD c text DEFAULT '…'"
 */
export function statementPreview(text: string, max = 100): string {
  const body = text.startsWith(WORK_MARK) ? text.slice(WORK_MARK.length) : text;
  const blanked = redactSecrets(body)
    .replace(/'(?:[^'\\]|\\.|'')*'?/g, "'…'")
    .replace(/"(?:[^"\\]|\\.|"")*"?/g, '"…"')
    .replace(/\s+/g, ' ')
    .trim();
  return blanked.length > max ? `${blanked.slice(0, max)}…` : blanked;
}
