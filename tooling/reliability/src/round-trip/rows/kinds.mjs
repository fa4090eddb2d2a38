const NUMBER = new Set(['integer', 'bigint', 'smallint', 'double', 'decimal', 'float']);
const STRING = new Set(['string', 'text']);

/**
 * The kind of value a portable data type holds in a row ('number', 'string', 'boolean'), or
 * undefined for the types whose values the round trip does not compare.
 * @example valueKind('smallint') // 'number'
 */
export function valueKind(type) {
  if (NUMBER.has(type)) return 'number';
  if (STRING.has(type)) return 'string';
  if (type === 'boolean') return 'boolean';
  return undefined;
}

/**
 * A value read back whose stored kind is not the field's (a number stored as a string, …),
 * turned into text that compares unequal to any value of the right kind, so the row check
 * reports it with what was stored.
 * @example wrongKind('S', '7') // '«stored as S: 7»'
 */
export function wrongKind(stored, v) {
  return `«stored as ${stored}: ${String(v)}»`;
}
