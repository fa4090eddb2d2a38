/**
 * Freezes an object and everything it holds, so a built migration cannot drift from its checksum.
 * @example deepFreeze({ up: [] }).up.push // throws in strict mode
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
