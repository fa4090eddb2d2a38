/** A cast as PostgreSQL prints it: `::text`, `::character varying`, `::numeric(10,2)`, `::text[]`. */
const CAST = /::\s*(?:character varying|double precision|bit varying|(?:timestamp|time) with(?:out)? time zone|"[^"]+"|[A-Za-z_][\w.]*)(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?(?:\[\])*/g;
/** A charset introducer MySQL prints before a literal: `_utf8mb4'a'`. */
const INTRODUCER = /\b_(?:utf8mb4|utf8mb3|utf8|latin1|binary|ascii)\s*(?=\u0000)/gi;
const OPERAND = '[\\w.\\u0000]+';

/**
 * A check expression or partial-index predicate reduced to what it says, so the text the user wrote
 * and the text the database prints for it compare equal: string literals kept as written, the rest
 * lower-cased without identifier quotes ("a", `a`), PostgreSQL casts (`(0)::numeric`, `::text`),
 * MySQL charset introducers, white space and parentheses; `BETWEEN a AND b` as `>= a AND <= b`,
 * `= ANY (ARRAY[…])` as `IN (…)`, `!=` as `<>` and `LIKE` as `~~` (PostgreSQL's spelling of each).
 * Grouping is not kept (a changed nesting of AND/OR reads as the same).
 * @example expressionKey('((price > (0)::numeric))') === expressionKey('`price` > 0') // true
 */
export function expressionKey(text: string): string {
  const literals: string[] = [];
  let code = text.replace(/'(?:[^']|'')*'/g, (lit) => `\u0000${literals.push(lit) - 1}\u0000`);
  code = code.replace(CAST, '').replace(INTRODUCER, '').replace(/["`]/g, '').toLowerCase();
  code = code.replace(new RegExp(`(${OPERAND})\\s+between\\s+(${OPERAND})\\s+and\\s+(${OPERAND})`, 'g'), '$1 >= $2 and $1 <= $3');
  code = code
    .replace(/!=/g, '<>')
    .replace(/\bnot\s+like\b/g, '!~~')
    .replace(/\blike\b/g, '~~')
    .replace(/[\s()]/g, '')
    .replace(/=anyarray\[([^\]]*)\]/g, 'in$1')
    .replace(/<>allarray\[([^\]]*)\]/g, 'notin$1');
  return code.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => literals[Number(i)] ?? '');
}
