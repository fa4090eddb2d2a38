import { redactSecrets } from '@ductape/core';

/**
 * The start of a statement for an error message: whitespace folded, string and dollar-quoted
 * literals blanked (so no value, let alone a password, is shown), cut to `max` characters.
 * @example statementPreview("ALTER TABLE t ADD c text DEFAULT 'x'") // "ALTER TABLE t ADD c text DEFAULT '…'"
 */
export function statementPreview(text: string, max = 100): string {
  const blanked = redactSecrets(text)
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, '$$$$…$$$$')
    .replace(/'(?:[^']|'')*'?/g, "'…'")
    .replace(/\s+/g, ' ')
    .trim();
  return blanked.length > max ? `${blanked.slice(0, max)}…` : blanked;
}
