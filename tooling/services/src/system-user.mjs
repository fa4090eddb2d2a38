// Servers that refuse to run as root (PostgreSQL) or drop to their own user (MariaDB) get
// that system user's uid/gid when we are root; as a normal user everything runs as us.
import { execFileSync } from 'node:child_process';
import { chownSync } from 'node:fs';

/**
 * @param {string} user e.g. 'postgres' (created by the Debian package)
 * @returns {{ uid: number, gid: number } | undefined}
 */
export function systemUser(user) {
  if (process.getuid?.() !== 0) return undefined;
  const id = (/** @type {string} */ flag) => Number(execFileSync('id', [flag, user]).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * @param {string} path
 * @param {{ uid: number, gid: number } | undefined} owner
 */
export function chownTo(path, owner) {
  if (owner) chownSync(path, owner.uid, owner.gid);
}
