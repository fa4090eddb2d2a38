import type { Adapter } from './adapter.js';

/** Where and what an adapter connects to, as resolved by the sdk from config or environment. */
export interface AdapterTarget {
  /** A URL (`postgres://…`), or a settings object the adapter documents. Secrets already interpolated. */
  readonly connection: string | { readonly [key: string]: unknown };
  readonly product: string;
  readonly database: string;
  readonly env: string;
  /** Adapter-specific options from the config file. */
  readonly options?: { readonly [key: string]: unknown };
}

/**
 * What an adapter package exports so the sdk can load it by name: `export function createAdapter`.
 * @example export const createAdapter: AdapterFactory = (target) => new PostgresAdapter(target);
 */
export type AdapterFactory = (target: AdapterTarget) => Adapter | Promise<Adapter>;
