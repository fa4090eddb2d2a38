/** String literals blanked out, so a word inside one is not taken for a column. */
const LITERALS = /'(?:[^']|'')*'/g;
const BARE = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * Whether a check expression names `field`: quoted ("f", `f`) or as a bare word (case-insensitive,
 * as unquoted SQL identifiers are), string literals left out. The database drops such a check
 * with the column, so a drop must take it explicitly for the down to restore it.
 * @example expressionNames('"select" >= 0', 'select') // true
 */
export function expressionNames(expression: string, field: string): boolean {
  const text = expression.replace(LITERALS, "''");
  if (quotedForms(field).some((q) => text.includes(q))) return true;
  if (!BARE.test(field)) return false;
  return bareWord(field).test(text);
}

/**
 * A check expression after its column `from` was renamed to `to`, as the database rewrites it
 * (PostgreSQL and MariaDB keep checks on the column, by its new name). Quoted mentions keep their
 * quotes; a bare one is written bare when `to` can be, else quoted in the expression's own style.
 * String literals are left alone.
 * @example renameInExpression('"name" >= 0 AND name < 9', 'name', 'Order') // '"Order" >= 0 AND "Order" < 9'
 */
export function renameInExpression(expression: string, from: string, to: string): string {
  const quote = expression.includes('`') ? (s: string) => `\`${s.replace(/`/g, '``')}\`` : (s: string) => `"${s.replace(/"/g, '""')}"`;
  const bareTo = /^[a-z_][a-z0-9_$]*$/.test(to) ? to : quote(to);
  const [dq, bq] = quotedForms(from);
  const [toDq, toBq] = quotedForms(to);
  // Split on literals so only the code between them is rewritten.
  const parts = expression.split(/('(?:[^']|'')*')/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let out = part
        .split(dq as string)
        .join(toDq)
        .split(bq as string)
        .join(toBq);
      if (BARE.test(from)) out = out.replace(bareWord(from), (_m, before: string, after: string) => `${before}${bareTo}${after}`);
      return out;
    })
    .join('');
}

function quotedForms(field: string): [string, string] {
  return [`"${field.replace(/"/g, '""')}"`, `\`${field.replace(/`/g, '``')}\``];
}

function bareWord(field: string): RegExp {
  return new RegExp(`(^|[^A-Za-z0-9_$"\`.])${field}(?=$|[^A-Za-z0-9_$"\`])()`, 'gi');
}
