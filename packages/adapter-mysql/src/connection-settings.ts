import { DuctapeError, ErrorCodes, InvalidArgumentError } from '@ductape/core';

/** Where to connect: what both drivers accept (they take extra keys of their own too). */
export interface MysqlConnectionSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password?: string;
  readonly database: string;
  /** Extra driver options (ssl, socketPath, connectTimeout, …), passed through. */
  readonly [option: string]: unknown;
}

/**
 * Settings from a URL (`mysql://user:pass@host:3306/db?ssl=true`, also `mariadb://`) or a
 * settings object. The database is required: history, lock and introspection live in it.
 * @example parseConnection('mysql://root@127.0.0.1:3306/app') // { host: '127.0.0.1', port: 3306, user: 'root', database: 'app' }
 */
export function parseConnection(connection: string | { readonly [key: string]: unknown }): MysqlConnectionSettings {
  if (typeof connection === 'object' && connection !== null) {
    const c = connection as Record<string, unknown>;
    if (typeof c.url === 'string') return { ...parseConnection(c.url), ...withoutKey(c, 'url') };
    if (typeof c.database !== 'string' || c.database === '') throw noDatabase();
    return { host: 'localhost', port: 3306, user: 'root', ...c } as MysqlConnectionSettings;
  }
  if (typeof connection !== 'string') throw new InvalidArgumentError('the connection', 'a mysql:// URL or a settings object', connection);
  let url: URL;
  try {
    url = new URL(connection);
  } catch {
    throw new InvalidArgumentError('the connection', 'a URL like mysql://user:password@host:3306/database', '(an unparsable URL)');
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (database === '') throw noDatabase();
  const extra: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) extra[key] = value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value;
  return {
    ...extra,
    host: url.hostname || 'localhost',
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    database,
  };
}

/**
 * Host, port and database, for messages (no user, no password).
 * @example describeConnection({ host: 'db', port: 3306, user: 'u', password: 'x', database: 'app' }) // 'db:3306/app'
 */
export function describeConnection(s: MysqlConnectionSettings): string {
  return `${s.host}:${s.port}/${s.database}`;
}

function noDatabase(): DuctapeError {
  return new DuctapeError(ErrorCodes.configuration, 'the MySQL/MariaDB connection names no database', 'add the database to the URL (mysql://user@host:3306/app) or set `database` in the settings');
}

function withoutKey(o: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _drop, ...rest } = o;
  return rest;
}
