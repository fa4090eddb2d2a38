import { randomBytes } from 'node:crypto';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import pg from 'pg';

/** The PostgreSQL server of `pnpm services:up`, or undefined outside CI when it is not up. */
export const pgServer = requireServer('postgres') as string | undefined;

/**
 * Runs one statement on the server's maintenance database (CREATE/DROP DATABASE).
 * @example await pgAdmin('CREATE DATABASE "x"');
 */
export async function pgAdmin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgServer });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/**
 * A database name unique to this run, with the given prefix.
 * @example pgDatabaseName('ductape_sdk_upd') // 'ductape_sdk_upd_a1b2c3'
 */
export function pgDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(3).toString('hex')}`;
}

/**
 * The server's URL pointing at database `db`.
 * @example pgUrl('ductape_sdk_upd_a1b2c3')
 */
export function pgUrl(db: string): string {
  return Object.assign(new URL(pgServer as string), { pathname: `/${db}` }).toString();
}
