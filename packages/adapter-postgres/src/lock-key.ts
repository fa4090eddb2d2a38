import { createHash } from 'node:crypto';

/** The 64-bit advisory lock key of a schema, and its two 32-bit halves as pg_locks shows them. */
export interface LockKey {
  readonly key: string;
  readonly classid: number;
  readonly objid: number;
}

/**
 * A stable advisory-lock key for the migrations of `schema` (first 8 bytes of a sha256).
 * @example lockKey('public').key // '-8301…' (a signed bigint as text)
 */
export function lockKey(schema: string): LockKey {
  const digest = createHash('sha256').update(`ductape-migrations:${schema}`).digest();
  const big = digest.readBigInt64BE(0);
  const unsigned = BigInt.asUintN(64, big);
  return { key: big.toString(), classid: Number(unsigned >> 32n), objid: Number(unsigned & 0xffffffffn) };
}
