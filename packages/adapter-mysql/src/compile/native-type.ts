import { ValidationError } from '@ductape/core';

/**
 * What introspection writes in a native type in place of a part of a column it could not keep
 * (a generated column's expression, a default expression, a comment or `SET` values with
 * characters core's native pattern refuses). A column holding it is refused wherever it would be
 * written (ColumnNotRecreatableError), so a drop whose down cannot recreate it never runs.
 */
export const NOT_KEPT = '<not kept>';

/** A MySQL/MariaDB native column type, split where the column definition puts its parts. */
export interface NativeColumn {
  /** The type with its modifiers: `int(10) unsigned`, `varchar(50) CHARACTER SET latin1 COLLATE latin1_swedish_ci`. */
  readonly type: string;
  /** `GENERATED ALWAYS AS (…) VIRTUAL|STORED` (or `AS (…)`): written right after the type. */
  readonly generated?: string;
  /** The other attributes, written after NULL/NOT NULL and DEFAULT: `DEFAULT …`, `ON UPDATE …`, `AUTO_INCREMENT`, `INVISIBLE`, `COMMENT '…'`, `SRID n`. */
  readonly attributes: readonly string[];
  /** The text has its own DEFAULT clause (then the field must not carry `default`). */
  readonly hasDefault: boolean;
  /** Which part introspection could not keep ('type', 'GENERATED', 'DEFAULT', 'COMMENT'), when the text holds NOT_KEPT. */
  readonly notKept?: string;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Words, numbers, string literals ('' doubles, no backslash), backtick-quoted names, brackets,
// commas, dots, operators (only inside brackets: expressions of generated columns and defaults),
// and the NOT_KEPT marker. No `;`, `#`, comment or backslash, and no comma outside brackets: the
// text stays one column definition inside the statement it is put in, whatever it says.
const TOKEN = /\s+|'(?:[^'\\\u0000]|'')*'|"(?:[^"\\\u0000]|"")*"|`(?:[^`\u0000]|``)+`|[A-Za-z_][A-Za-z0-9_$]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|<not kept>|[(),.-]|[+*/%=<>!&|^~?:@]+/y;
const OPERATOR = /^[+*/%=<>!&|^~?:@]+$/;
/** Words that start an attribute clause after the type. */
const CLAUSES = new Set(['GENERATED', 'AS', 'DEFAULT', 'ON', 'AUTO_INCREMENT', 'INVISIBLE', 'COMMENT', 'SRID']);
/** What the model says itself (required, primaryKey, unique, default: null, addConstraint) or that would move the column. */
const REFUSED = new Set(['NULL', 'NOT', 'PRIMARY', 'KEY', 'UNIQUE', 'REFERENCES', 'CHECK', 'CONSTRAINT', 'FIRST', 'AFTER']);
const GENERATED_KINDS = new Set(['VIRTUAL', 'STORED', 'PERSISTENT']);

/**
 * Checks the native type text of a field and splits it into the type and its attribute clauses.
 * The type part is words, numbers, quoted values and brackets (`set('a','b')`, `decimal(8,3)
 * unsigned`, `varchar(5) CHARACTER SET latin1 COLLATE latin1_bin`); then, in any order,
 * `GENERATED ALWAYS AS (…) VIRTUAL|STORED`, `DEFAULT <value>`, `ON UPDATE <value>`,
 * `AUTO_INCREMENT`, `INVISIBLE`, `COMMENT '…'`, `SRID n`. NULL/NOT NULL, keys and references are
 * refused: the field's own options say them. Throws ValidationError (before any IO) otherwise.
 * @example parseNativeType('mediumtext', 'body') // { type: 'mediumtext', attributes: [], hasDefault: false }
 * @example parseNativeType('timestamp(3) ON UPDATE current_timestamp(3)', 'ts').attributes // ['ON UPDATE current_timestamp(3)']
 */
export function parseNativeType(text: unknown, column: string): NativeColumn {
  if (typeof text !== 'string' || text.trim() === '' || text.length > 2000) {
    throw invalid(column, `a native field needs native: the MySQL/MariaDB column type text, e.g. 'mediumtext'; got ${JSON.stringify(text)}`);
  }
  const tokens = tokenize(text, column);
  const slice = (from: number, to: number): string => text.slice((tokens[from] as Token).start, (tokens[to - 1] as Token).end);
  let notKept: string | undefined;
  let i = 0;
  while (i < tokens.length && !CLAUSES.has(upper(tokens[i]))) {
    const t = tokens[i] as Token;
    if (REFUSED.has(upper(t))) throw refused(column, text, t.text);
    const next = t.text === '(' ? groupEnd(tokens, i, column, text) : i + 1;
    if (tokens.slice(i, next).some((x) => x.text === NOT_KEPT)) notKept ??= 'type';
    i = next;
  }
  if (i === 0) throw invalid(column, `${JSON.stringify(text)} names no type before its ${tokens[0]?.text ?? ''} clause`);
  const type = slice(0, i);
  let generated: string | undefined;
  const attributes: string[] = [];
  let hasDefault = false;
  while (i < tokens.length) {
    const start = i;
    const word = upper(tokens[i]);
    i++;
    if (word === 'GENERATED' || word === 'AS') {
      if (word === 'GENERATED') i = expect(tokens, expect(tokens, i, 'ALWAYS', column, text), 'AS', column, text);
      if (tokens[i]?.text !== '(') throw invalid(column, `${JSON.stringify(text)}: a generated column needs AS (<expression>)`);
      const end = groupEnd(tokens, i, column, text);
      if (tokens.slice(i, end).some((x) => x.text === NOT_KEPT)) notKept ??= 'GENERATED';
      i = end;
      if (GENERATED_KINDS.has(upper(tokens[i]))) i++;
      generated = slice(start, i);
      continue;
    }
    if (word === 'DEFAULT' || word === 'ON') {
      if (word === 'ON') i = expect(tokens, i, 'UPDATE', column, text);
      const end = termEnd(tokens, i, column, text);
      if (tokens.slice(i, end).some((x) => x.text === NOT_KEPT)) notKept ??= word === 'ON' ? 'ON UPDATE' : 'DEFAULT';
      i = end;
      hasDefault ||= word === 'DEFAULT';
    } else if (word === 'COMMENT') {
      const t = tokens[i];
      if (t?.text === NOT_KEPT) notKept ??= 'COMMENT';
      else if (!t?.text.startsWith("'")) throw invalid(column, `${JSON.stringify(text)}: COMMENT needs a quoted text`);
      i++;
    } else if (word === 'SRID') {
      if (!/^\d+$/.test(tokens[i]?.text ?? '')) throw invalid(column, `${JSON.stringify(text)}: SRID needs a number`);
      i++;
    } else if (word !== 'AUTO_INCREMENT' && word !== 'INVISIBLE') {
      throw REFUSED.has(word)
        ? refused(column, text, tokens[start]?.text ?? word)
        : invalid(
            column,
            `${JSON.stringify(text)}: unexpected ${JSON.stringify(tokens[start]?.text)}; after the type come GENERATED ALWAYS AS (…), DEFAULT, ON UPDATE, AUTO_INCREMENT, INVISIBLE, COMMENT or SRID`,
          );
    }
    attributes.push(slice(start, i));
  }
  return { type, ...(generated ? { generated } : {}), attributes, hasDefault, ...(notKept ? { notKept } : {}) };
}

function tokenize(text: string, column: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let depth = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw invalid(column, `${JSON.stringify(text)} is not a MySQL/MariaDB column type: unexpected ${JSON.stringify(text.slice(at, at + 10))}`);
    const t = m[0];
    if (/^\s/.test(t)) continue;
    if (/^(--|\/\*|\*\/)/.test(text.slice(at, at + 2)) || /\/\*|\*\//.test(t)) throw invalid(column, `${JSON.stringify(text)} contains a comment`);
    if ((OPERATOR.test(t) || t.startsWith('"') || t.startsWith('`')) && depth === 0)
      throw invalid(column, `${JSON.stringify(text)}: ${JSON.stringify(t)} belongs only inside the brackets of an expression`);
    if (t === '(') depth++;
    if (t === ')') depth--;
    if (depth < 0) throw invalid(column, `${JSON.stringify(text)} closes a bracket it did not open`);
    if (t === ',' && depth === 0) throw invalid(column, `${JSON.stringify(text)} has a comma outside brackets: a native type is one column's type`);
    tokens.push({ text: t, start: at, end: TOKEN.lastIndex });
  }
  if (depth !== 0) throw invalid(column, `${JSON.stringify(text)} leaves a bracket open`);
  return tokens;
}

/** The index after the group that opens at `i` (a `(`). */
function groupEnd(tokens: readonly Token[], i: number, column: string, text: string): number {
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = (tokens[j] as Token).text;
    if (t === '(') depth++;
    if (t === ')' && --depth === 0) return j + 1;
  }
  throw invalid(column, `${JSON.stringify(text)} leaves a bracket open`);
}

/** The index after one value: `-1`, `'x'`, `b'101'`, `current_timestamp(3)`, `(expr)`, a word, NOT_KEPT. */
function termEnd(tokens: readonly Token[], i: number, column: string, text: string): number {
  let j = i;
  if (tokens[j]?.text === '-') j++;
  const t = tokens[j];
  if (!t || t.text === ')' || t.text === ',' || CLAUSES.has(upper(t))) throw invalid(column, `${JSON.stringify(text)}: a DEFAULT or ON UPDATE clause needs a value`);
  if (REFUSED.has(upper(t))) throw refused(column, text, t.text);
  if (t.text === '(') return groupEnd(tokens, j, column, text);
  j++;
  if (/^[A-Za-z_]/.test(t.text)) {
    if (tokens[j]?.text === '(') return groupEnd(tokens, j, column, text);
    if (tokens[j]?.text.startsWith("'") && /^[bBxX]$|^_[A-Za-z0-9]+$/.test(t.text)) return j + 1; // b'101', x'41', _utf8mb4'x'
  }
  return j;
}

function expect(tokens: readonly Token[], i: number, word: string, column: string, text: string): number {
  if (upper(tokens[i]) !== word) throw invalid(column, `${JSON.stringify(text)}: expected ${word} at ${JSON.stringify(tokens[i]?.text ?? 'the end')}`);
  return i + 1;
}

function upper(t: Token | undefined): string {
  return t ? t.text.toUpperCase() : '';
}

function refused(column: string, text: string, word: string): ValidationError {
  return invalid(
    column,
    `${JSON.stringify(text)} says ${word.toUpperCase()}, which a native type cannot: say it with the field's own options (required, primaryKey, unique, default: null) or addConstraint`,
  );
}

function invalid(column: string, message: string): ValidationError {
  return new ValidationError('MySQL native type', [{ code: 'invalid_native_type', path: `${column}.native`, message }]);
}
