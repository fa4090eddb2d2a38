import { ConfigError } from '../errors.js';
import type { ConnectionConfig } from './config-types.js';

const PATTERN = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${env:VAR}` in a connection (string or nested object) with the variable's value.
 * A missing or empty variable is a ConfigError naming it (never its value).
 * @example interpolate('postgres://app:${env:DB_PASSWORD}@db/app', { DB_PASSWORD: 's3cret' })
 */
export function interpolate(value: ConnectionConfig, env: NodeJS.ProcessEnv, where: string): ConnectionConfig {
  return walk(value, env, where) as ConnectionConfig;
}

function walk(value: unknown, env: NodeJS.ProcessEnv, where: string): unknown {
  if (typeof value === 'string') {
    return value.replace(PATTERN, (_m, name: string) => {
      const v = env[name];
      if (v === undefined) throw new ConfigError(`${where} uses \${env:${name}}, but ${name} is not set`, `set the environment variable ${name}`);
      if (v === '')
        throw new ConfigError(`${where} uses \${env:${name}}, but ${name} is empty`, `give the environment variable ${name} a value (an empty one is refused, never used as part of a connection)`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v) => walk(v, env, where));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, env, where)]));
  return value;
}
