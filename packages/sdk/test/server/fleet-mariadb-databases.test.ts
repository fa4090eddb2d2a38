import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { fleetKillCases } from '../support/fleet-kill-cases.js';

// Issue 20 acceptance on MariaDB, a database per tenant: 12 databases on the server, listed as the
// fleet's targets; two runners, one SIGKILLed mid-fleet and restarted (see fleet-kill-cases). The
// adapter is loaded from its built package; the test reads with adapter-mysql's mysql2.
const TENANTS = 12;
const serverUrl = requireServer('mariadb') as string | undefined;
const adapter = fileURLToPath(new URL('../../../adapter-mariadb/dist/index.js', import.meta.url));

type Connection = { query(sql: string, params?: unknown[]): Promise<[unknown, unknown]>; end(): Promise<void> };
const mysql2 = createRequire(new URL('../../../adapter-mysql/package.json', import.meta.url))('mysql2/promise') as { createConnection(url: string): Promise<Connection> };

const base = `ductape_sdk_fleet_${randomBytes(3).toString('hex')}`;
const names = Array.from({ length: TENANTS }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
const database = (target: string) => `${base}_${target}`;
const url = (db: string, protocol = 'mariadb:') => Object.assign(new URL(serverUrl as string), { protocol, pathname: `/${db}` }).toString();
let admin: Connection;
const sql = async (text: string, params?: unknown[]) => {
  const [rows] = await admin.query(text, params);
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
};

fleetKillCases(
  serverUrl
    ? {
        label: 'MariaDB databases',
        setup: async () => {
          const broken = 't06';
          admin = await mysql2.createConnection(url('', 'mysql:'));
          for (const t of names) {
            await sql(`CREATE DATABASE \`${database(t)}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
            if (t !== broken) await sql(`CREATE TABLE \`${database(t)}\`.legacy (id CHAR(36) PRIMARY KEY)`);
          }
          const targets = names.map((name) => ({ url: url(database(name)), name }));
          return { fleet: { adapter, environments: { dev: { targets } } }, targets: names, broken };
        },
        history: async (t) => (await sql(`SELECT name, status FROM \`${database(t)}\`._ductape_migrations ORDER BY name, status`)).map((r) => `${r.name}:${r.status}`),
        // GET_LOCK is server-wide, named after the database (adapter-mysql's lockName); the lock row names its holder.
        heldLocks: async (t) => {
          const [used] = await sql('SELECT IS_USED_LOCK(?) AS id', [`ductape_migrations.${database(t)}`]);
          if (used?.id === null || used?.id === undefined) return [];
          const [row] = await sql(`SELECT description FROM \`${database(t)}\`._ductape_migrations_lock WHERE connection_id = ?`, [used.id]);
          return [`connection ${String(used.id)}: ${String(row?.description ?? 'not ours')}`];
        },
        fix: async (t) => {
          await sql(`CREATE TABLE \`${database(t)}\`.legacy (id CHAR(36) PRIMARY KEY)`);
        },
        teardown: async () => {
          if (!admin) return;
          for (const t of names) await sql(`DROP DATABASE IF EXISTS \`${database(t)}\``);
          await admin.end();
        },
      }
    : undefined,
);
