import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Migration } from '../model/migration.js';
import { canonicalJson } from './canonical-json.js';

/**
 * sha256 (hex) of the canonical JSON of `{ name, up, down }`. Key order and the tag do not
 * change it; the README of @ductape/core has a test vector.
 * @example checksum(migration('create_users').createCollection('users', { id: 'uuid' }).build())
 */
export function checksum(m: Pick<Migration, 'name' | 'up' | 'down'>): string {
  if (typeof m !== 'object' || m === null) throw new InvalidArgumentError('the migration', 'a built migration', m);
  return createHash('sha256')
    .update(canonicalJson({ name: m.name, up: m.up, down: m.down }), 'utf8')
    .digest('hex');
}
