import { ValidationError, assertNativeDialect } from '@ductape/core';

/** The dialect names a PostgreSQL native type may be declared for (raw operations' names). */
const POSTGRES_RAW_DIALECTS: readonly string[] = ['postgresql'];

/**
 * A PostgreSQL native column type split in two: `type` (what format_type() prints, optionally
 * with `COLLATE …`) and `clause`, the column clause the model has no name for and the
 * introspector keeps with it: `DEFAULT <expression>`, `GENERATED ALWAYS AS IDENTITY` or
 * `GENERATED ALWAYS AS (<expression>) STORED`.
 */
export interface NativeType {
  readonly type: string;
  readonly clause?: string;
}

// Tokens a native type may hold. No `;`, no comments, no dollar quotes, brackets balanced: the
// text stays one column definition inside the statement it is put in, whatever it says.
const TOKEN = /\s+|"(?:[^"\u0000]|"")+"|'(?:[^'\u0000]|'')*'|[A-Za-z_][A-Za-z0-9_$]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|::|[()[\],.:+\-*/%<>=!~&|^#@?]/y;
const OPERATOR = /^[+\-*/%<>=!~&|^#@?:]$/;
const CLAUSE = /^(DEFAULT|GENERATED)$/i;

/**
 * Checks the native type text of a field and splits off its column clause. The type part is
 * words, quoted identifiers, numbers, `( ) [ ] , .` only (what format_type prints); a clause may
 * also hold string literals and operators. Throws ValidationError (before any IO) otherwise.
 * @example parseNativeType('character varying') // { type: 'character varying' }
 * @example parseNativeType('integer GENERATED ALWAYS AS ((a * 2)) STORED') // { type: 'integer', clause: 'GENERATED ALWAYS AS ((a * 2)) STORED' }
 */
export function parseNativeType(text: unknown, field = 'native'): NativeType {
  if (typeof text !== 'string' || text.trim() === '' || text.length > 2000) throw invalid(field, `a native field needs native: PostgreSQL's type text, e.g. 'tsvector'; got ${JSON.stringify(text)}`);
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw invalid(field, `${JSON.stringify(text)} is not a PostgreSQL type: unexpected ${JSON.stringify(text.slice(at, at + 10))}`);
    tokens.push(m[0]);
  }
  if (/--|\/\*|\*\//.test(tokens.filter((t) => !t.startsWith("'") && !t.startsWith('"')).join(''))) throw invalid(field, `${JSON.stringify(text)} contains a comment`);
  let depth = 0;
  let clauseAt = tokens.length;
  tokens.forEach((t, i) => {
    if (t === '(' || t === '[') depth++;
    if (t === ')' || t === ']') depth--;
    if (depth < 0) throw invalid(field, `${JSON.stringify(text)} closes a bracket it did not open`);
    if (clauseAt === tokens.length && depth === 0 && CLAUSE.test(t)) clauseAt = i;
  });
  if (depth !== 0) throw invalid(field, `${JSON.stringify(text)} leaves a bracket open`);
  const typeTokens = tokens.slice(0, clauseAt);
  const type = typeTokens.join('').trim();
  const clause = clauseAt === tokens.length ? undefined : tokens.slice(clauseAt).join('').trim();
  if (type === '') throw invalid(field, `${JSON.stringify(text)} names no type before its ${clause?.split(/\s/)[0] ?? ''} clause`);
  if (typeTokens.some((t) => t.startsWith("'") || OPERATOR.test(t) || t === '::')) {
    throw invalid(field, `${JSON.stringify(type)} is not a PostgreSQL type name (operators and literals belong only in a DEFAULT or GENERATED clause)`);
  }
  return clause === undefined ? { type } : { type, clause };
}

/**
 * Refuses (before any IO) a native type declared for another database: `{ type: 'native',
 * native: 'set<text>', dialect: 'cassandra' }` names both. Core's engine refuses it first
 * (dialectRefusal); this covers a direct compile. Without `dialect` the text is checked against
 * PostgreSQL's grammar only (parseNativeType).
 * @example checkNativeDialect({ type: 'native', native: 'citext', dialect: 'postgresql' }) // passes
 */
export function checkNativeDialect(field: { readonly native?: string | undefined; readonly dialect?: string | undefined }): void {
  assertNativeDialect(field, 'postgres', POSTGRES_RAW_DIALECTS);
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError('PostgreSQL native type', [{ code: 'invalid_native_type', path, message }]);
}
