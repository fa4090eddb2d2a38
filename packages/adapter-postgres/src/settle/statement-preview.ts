import { redactSecrets } from '@ductape/core';

/**
 * What the adapter sends before a step's own text in the same round trip (the transaction's
 * `BEGIN; SET LOCAL …`, a lock-retry's `SAVEPOINT` or `SET lock_timeout`): not the statement.
 */
const OWN_PREFIX = /^\s*(?:(?:BEGIN|SAVEPOINT ductape_step|SET (?:LOCAL )?(?:lock_timeout|application_name) = (?:'[^']*'|\d+))\s*;\s*)+/i;

/**
 * The start of a statement for an error message: the adapter's own prefix left out, whitespace
 * folded, string and dollar-quoted literals blanked (so no value, let alone a password, is shown),
 * cut to `max` characters.
 * @example statementPreview("ALTER TABLE t ADD c text DEFAULT 'x'") // "ALTER TABLE t ADD c text DEFAULT '…'"
 */
export function statementPreview(text: string, max = 100): string {
  const blanked = redactSecrets(text.replace(OWN_PREFIX, ''))
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, '$$$$…$$$$')
    .replace(/'(?:[^']|'')*'?/g, "'…'")
    .replace(/\s+/g, ' ')
    .trim();
  return blanked.length > max ? `${blanked.slice(0, max)}…` : blanked;
}
