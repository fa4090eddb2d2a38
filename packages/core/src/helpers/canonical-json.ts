import { InvalidArgumentError } from '../errors/errors.js';

// Deeper than any migration can be; past it the value is taken to be cyclic.
const MAX_DEPTH = 256;

/**
 * Canonical JSON: object keys sorted by UTF-16 code units (so "10" before "2"), no whitespace,
 * keys whose value is undefined left out, arrays in their order (undefined in an array is null),
 * strings and numbers as JSON.stringify writes them. This is the documented, versioned input of
 * the checksum; it never changes between releases.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
      return 'null';
    case 'object':
      break;
    default:
      throw new InvalidArgumentError('a migration value', 'JSON data (no bigint, function or symbol)', value);
  }
  if (value === null) return 'null';
  if (depth > MAX_DEPTH) throw new InvalidArgumentError('a migration value', 'JSON data without cycles', value);
  // String concatenation in one pass: several times faster than entries/filter/map/join, which
  // matters for status over long histories.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + write(value[i], depth + 1);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${write(item, depth + 1)}`;
    first = false;
  }
  return `${out}}`;
}
