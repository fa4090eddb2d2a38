import { InvalidArgumentError } from '../errors/errors.js';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, keys whose value is
 * undefined left out, arrays in their order, strings and numbers as JSON.stringify writes them.
 * This is the documented, versioned input of the checksum; it never changes between releases.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, path: Set<object>): string {
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
    throw new InvalidArgumentError('a migration value', 'JSON data (no bigint, function or symbol)', value);
  }
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (path.has(value)) throw new InvalidArgumentError('a migration value', 'JSON data without cycles', value);
  path.add(value);
  const text = Array.isArray(value)
    ? `[${value.map((item) => write(item, path)).join(',')}]`
    : `{${Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => `${JSON.stringify(k)}:${write(v, path)}`)
        .join(',')}}`;
  path.delete(value);
  return text;
}
