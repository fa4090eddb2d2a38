import { randomBytes } from 'node:crypto';

/**
 * A short random name for one run's database, keyspace or table prefix (lower case, safe everywhere).
 * @example runName('rel') // 'rel_3f9a1c2b'
 * @param {string} prefix
 * @returns {string}
 */
export function runName(prefix) {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/**
 * The URL with its password set (and the user kept or set), for the secrets property.
 * @example withPassword('postgres://postgres@127.0.0.1:5432/db', 'MARKER') // 'postgres://postgres:MARKER@127.0.0.1:5432/db'
 * @param {string} url
 * @param {string} password
 * @param {string} [user]
 * @returns {string}
 */
export function withPassword(url, password, user) {
  const u = new URL(url);
  if (user !== undefined) u.username = user;
  if (!u.username) u.username = 'ductape';
  u.password = password;
  return u.toString();
}

/**
 * The URL with another path (database name).
 * @example withPath('postgres://u@h:5432/postgres', 'rel_1') // 'postgres://u@h:5432/rel_1'
 * @param {string} url
 * @param {string} name
 * @returns {string}
 */
export function withPath(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
