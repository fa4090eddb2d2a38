import { ValidationError } from '@ductape/core';
import { parseCql } from './cql-type.js';

// A CQL type: a name, optionally with <…> arguments that are themselves types (collections,
// frozen, tuple, vector<float, 3>); letters, digits, _, spaces and commas only.
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The CQL text of a native field (`{ type: 'native', native: 'set<text>' }`), checked before any
 * IO: a well-formed CQL type (names, `<…>` arguments, commas) that Cassandra accepts (see
 * `parseCql`: arity, frozen inside collections, counter only as a column type, vector
 * dimensions). Kept as written (Cassandra normalises case and spacing itself). A `counter`
 * column's table rule (keys and counters only) is `checkCounterTable`'s.
 * @example nativeCqlType('map<text, int>', 'users.scores') // 'map<text, int>'
 */
export function nativeCqlType(native: string | undefined, where: string): string {
  const text = typeof native === 'string' ? native.trim() : '';
  if (text === '' || !wellFormed(text)) {
    throw new ValidationError(`field "${where}"`, [
      { code: 'invalid_native_type', path: 'native', message: `native must be a CQL type such as 'set<text>', 'map<text, int>', 'frozen<list<int>>' or 'timeuuid'; got ${JSON.stringify(native)}` },
    ]);
  }
  parseCql(text, where);
  return text;
}

/**
 * The form two CQL type texts are compared in: lower case, no spaces, `varchar` read as `text`
 * (system_schema writes the alias as text).
 * @example normalCqlType('Map<text, VARCHAR>') // 'map<text,text>'
 */
export function normalCqlType(cql: string): string {
  return cql
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/\bvarchar\b/g, 'text');
}

function wellFormed(text: string): boolean {
  let depth = 0;
  for (const part of text.split(/([<>,])/)) {
    if (part === '<') depth++;
    else if (part === '>') {
      if (--depth < 0) return false;
    } else if (part === ',') {
      if (depth === 0) return false;
    } else if (part.trim() !== '' && !NAME.test(part.trim()) && !/^[0-9]+$/.test(part.trim())) return false;
  }
  return depth === 0 && !/<\s*>|<\s*,|,\s*[>,]/.test(text) && !/[A-Za-z0-9_]\s+[A-Za-z0-9_]/.test(text);
}
