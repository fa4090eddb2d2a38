import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * The PostgreSQL server to benchmark on: DUCTAPE_TEST_POSTGRES_URL, else .services.env.
 * @returns {string}
 */
export function serverUrl() {
  if (process.env.DUCTAPE_TEST_POSTGRES_URL) return process.env.DUCTAPE_TEST_POSTGRES_URL;
  const file = join(root, '.services.env');
  if (existsSync(file)) {
    const m = /^DUCTAPE_TEST_POSTGRES_URL=(.*)$/m.exec(readFileSync(file, 'utf8'));
    if (m?.[1]) return m[1].trim();
  }
  throw new Error('no PostgreSQL server: run `pnpm services:up postgres` (or set DUCTAPE_TEST_POSTGRES_URL)');
}

/**
 * A fresh database on the server, so each contender starts from nothing.
 * @param {string} server
 * @param {string} label
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function freshDatabase(server, label) {
  const name = `bench_${label}_${randomBytes(3).toString('hex')}`;
  await admin(server, `CREATE DATABASE "${name}"`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function admin(server, text) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** Host:port/db of a URL, for logs (never the password). */
export function where(url) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** Milliseconds since `t0` (from performance.now()), rounded to 0.1. */
export const since = (t0) => Math.round((performance.now() - t0) * 10) / 10;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
