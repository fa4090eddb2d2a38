import { InvalidArgumentError } from '@ductape/core';

/** Which SQL the compiler writes: MySQL 8, or MariaDB (native UUID from 10.7). */
export interface MysqlCompileSettings {
  readonly flavor: 'mysql' | 'mariadb';
  /** MariaDB ≥ 10.7 has a UUID column type; elsewhere uuid is CHAR(36). */
  readonly nativeUuid: boolean;
  /**
   * The server stores JSON as LONGTEXT with a `json_valid` check named after the column
   * (MariaDB), whichever dialect compiles for it (the MySQL adapter on a MariaDB server too).
   */
  readonly jsonCheck?: boolean;
}

/**
 * The old name of `MysqlCompileSettings`.
 * @deprecated Use `MysqlCompileSettings` (every adapter names its compile settings `<Db>CompileSettings`).
 */
export type MysqlDialect = MysqlCompileSettings;

export const MYSQL_DIALECT: MysqlCompileSettings = Object.freeze({ flavor: 'mysql', nativeUuid: false });
export const MARIADB_DIALECT: MysqlCompileSettings = Object.freeze({ flavor: 'mariadb', nativeUuid: true });

/** A server version as numbers, e.g. `10.11.19-MariaDB-0+deb12u1` → { major 10, minor 11, patch 19, mariadb true }. */
export interface ServerVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly mariadb: boolean;
  readonly text: string;
}

/**
 * Parses `SELECT VERSION()`.
 * @example parseServerVersion('8.0.36').mariadb // false
 */
export function parseServerVersion(text: string): ServerVersion {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!m) throw new InvalidArgumentError('the server version', 'a version like 10.11.6-MariaDB or 8.0.36', text);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), mariadb: /mariadb/i.test(text), text };
}

/** True when `v` is at least `major.minor.patch`. */
export function atLeast(v: ServerVersion, major: number, minor: number, patch = 0): boolean {
  return v.major !== major ? v.major > major : v.minor !== minor ? v.minor > minor : v.patch >= patch;
}

/**
 * The MariaDB dialect a server supports: UUID columns from 10.7 on.
 * @example mariadbDialectFor(parseServerVersion('10.6.16-MariaDB')).nativeUuid // false
 */
export function mariadbDialectFor(v: ServerVersion): MysqlCompileSettings {
  return { flavor: 'mariadb', nativeUuid: atLeast(v, 10, 7) };
}

/**
 * Why the adapter cannot run on this server, or undefined. RENAME COLUMN needs MySQL 8.0 or
 * MariaDB 10.5.2; CHECK constraints and expression defaults need MySQL 8.0.16 / MariaDB 10.2.
 */
export function unsupportedServer(v: ServerVersion): string | undefined {
  if (v.mariadb) return atLeast(v, 10, 5, 2) ? undefined : `MariaDB ${v.text} is older than 10.5.2 (RENAME COLUMN, instant DDL)`;
  return atLeast(v, 8, 0, 16) ? undefined : `MySQL ${v.text} is older than 8.0.16 (RENAME COLUMN, CHECK constraints, expression defaults)`;
}
