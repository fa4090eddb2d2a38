import type { RawOp, Step } from '@ductape/core';
import { refuse } from './refuse.js';
import { ddl } from './step.js';

/**
 * raw('cassandra', cql) → one step per CQL statement (split on `;` outside quotes and comments),
 * each followed by a schema-agreement wait.
 * @example compileRaw({ type: 'raw', dialect: 'cassandra', sql: 'ALTER TABLE app.t ADD x int; ALTER TABLE app.t ADD y int' })
 * // two steps
 */
export function compileRaw(op: RawOp): Step[] {
  if (typeof op.sql !== 'string') refuse('a raw cassandra command object', 'give CQL text: raw("cassandra", "ALTER TABLE …")');
  const statements = splitStatements(op.sql);
  if (statements.length === 0) refuse('an empty raw cassandra operation', 'give at least one CQL statement');
  return statements.map((s) => ddl(s, `raw: ${s.length > 60 ? `${s.slice(0, 57)}…` : s}`));
}

/**
 * Splits CQL text into statements on `;`, ignoring those inside '…', "…", $$…$$ and comments.
 * @example splitStatements("INSERT INTO t (a) VALUES ('x;y'); SELECT 1") // 2 statements
 */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let i = 0;
  const closers: Record<string, string> = { "'": "'", '"': '"', $$: '$$', '--': '\n', '//': '\n', '/*': '*/' };
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    const open = closers[two] !== undefined ? two : closers[text[i] as string] !== undefined ? (text[i] as string) : undefined;
    if (open !== undefined) {
      const end = text.indexOf(closers[open] as string, i + open.length);
      const stop = end < 0 ? text.length : end + (closers[open] as string).length;
      if (!open.startsWith('-') && !open.startsWith('/')) current += text.slice(i, stop);
      i = stop;
    } else if (text[i] === ';') {
      out.push(current);
      current = '';
      i++;
    } else {
      current += text[i];
      i++;
    }
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
