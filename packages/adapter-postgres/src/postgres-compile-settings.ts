import { InvalidArgumentError } from '@ductape/core';

/** What the compiler needs besides the op: where tables live and how careful to be. */
export interface PostgresCompileSettings {
  /** Schema of every table (default 'public'). */
  readonly schema: string;
  /**
   * Online-safe DDL on tables that already exist (default true): CREATE INDEX CONCURRENTLY,
   * NOT VALID constraints validated in their own step, NOT NULL through a validated check.
   */
  readonly online: boolean;
  /** `lock_timeout` of each DDL transaction, in ms (default 5000). */
  readonly lockTimeoutMs: number;
}

/**
 * The old name of `PostgresCompileSettings`.
 * @deprecated Use `PostgresCompileSettings` (every adapter names its compile settings `<Db>CompileSettings`).
 */
export type CompileSettings = PostgresCompileSettings;

export const DEFAULT_SETTINGS: PostgresCompileSettings = { schema: 'public', online: true, lockTimeoutMs: 5000 };

/**
 * Settings from the adapter's defaults and the run's compile options (`{ online: false }`).
 * @example resolveSettings({ schema: 'app' }, { online: false }).online // false
 */
export function resolveSettings(base: Partial<PostgresCompileSettings>, options: { readonly [key: string]: unknown }): PostgresCompileSettings {
  const online = options.online ?? base.online ?? DEFAULT_SETTINGS.online;
  if (typeof online !== 'boolean') throw new InvalidArgumentError('compile option online', 'true or false', online);
  const lockTimeoutMs = options.lockTimeoutMs ?? base.lockTimeoutMs ?? DEFAULT_SETTINGS.lockTimeoutMs;
  if (typeof lockTimeoutMs !== 'number' || !(lockTimeoutMs > 0)) throw new InvalidArgumentError('compile option lockTimeoutMs', 'a positive number of ms', lockTimeoutMs);
  return { schema: base.schema ?? DEFAULT_SETTINGS.schema, online, lockTimeoutMs };
}
