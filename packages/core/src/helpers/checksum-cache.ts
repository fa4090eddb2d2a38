import { checksum } from './checksum.js';
import type { Migration } from '../model/migration.js';

const cache = new WeakMap<object, string>();

/**
 * Checksum of a migration, memoised per object (built migrations are frozen, so it cannot go stale).
 * @example checksumOf(m) === checksumOf(m) // computed once
 */
export function checksumOf(m: Migration): string {
  if (!Object.isFrozen(m)) return checksum(m);
  let sum = cache.get(m);
  if (sum === undefined) {
    sum = checksum(m);
    cache.set(m, sum);
  }
  return sum;
}
