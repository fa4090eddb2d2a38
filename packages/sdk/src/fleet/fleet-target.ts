import { redactSecrets } from '@ductape/core';

/** One resolved target of a fleet: ready to connect, named for humans without its credentials. */
export interface FleetTarget {
  /** How events, errors and the summary name it (never contains a password). */
  readonly name: string;
  readonly adapterPackage: string;
  /** The interpolated connection URL (may hold a password: never put it in a message). */
  readonly connection: string;
  /** Adapter options: the fleet's, plus `schema` for a schema-per-tenant target. */
  readonly options?: { readonly [key: string]: unknown };
  /** Values to redact from messages about this target (its URL's password). */
  readonly secrets: readonly string[];
}

/**
 * A target's default name: its schema when it has one, else its URL without user, password,
 * query or fragment.
 * @example defaultTargetName('postgres://app:pw@db:5432/t1') // 'postgres://db:5432/t1'
 */
export function defaultTargetName(url: string, schema?: string): string {
  if (schema !== undefined) return schema;
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString();
  } catch {
    return redactSecrets(url);
  }
}

/**
 * The secret parts of a connection URL (its password, raw and decoded), for redactSecrets.
 * @example urlSecrets('postgres://app:s%40cret@db/x') // ['s%40cret', 's@cret']
 */
export function urlSecrets(url: string): string[] {
  try {
    const raw = new URL(url).password;
    if (raw === '') return [];
    const decoded = decodeURIComponent(raw);
    return decoded === raw ? [raw] : [raw, decoded];
  } catch {
    return [];
  }
}
