import pg from 'pg';
import { fleetKillCases } from '../support/fleet-kill-cases.js';
import { pgAdmin, pgDatabaseName, pgServer, pgUrl } from '../support/pg-server.js';

// Issue 20 acceptance on PostgreSQL, a database per tenant: 12 databases on the server, listed as
// the fleet's targets; two runners, one SIGKILLed mid-fleet and restarted (see fleet-kill-cases).
const TENANTS = 12;

const base = pgDatabaseName('ductape_sdk_fleetdb');
const names = Array.from({ length: TENANTS }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
const database = (target: string) => `${base}_${target}`;
const clients = new Map<string, pg.Client>();

/** A connection to the target's database, kept for the test's reads. */
async function client(target: string): Promise<pg.Client> {
  const open = clients.get(target);
  if (open) return open;
  const c = new pg.Client({ connectionString: pgUrl(database(target)) });
  await c.connect();
  clients.set(target, c);
  return c;
}

fleetKillCases(
  pgServer
    ? {
        label: 'PostgreSQL databases',
        setup: async () => {
          const broken = 't05';
          for (const t of names) {
            await pgAdmin(`CREATE DATABASE "${database(t)}"`);
            if (t !== broken) await (await client(t)).query('CREATE TABLE legacy (id uuid PRIMARY KEY)');
          }
          const targets = names.map((name) => ({ url: pgUrl(database(name)), name }));
          return { fleet: { adapter: '@ductape/adapter-postgres', environments: { dev: { targets } } }, targets: names, broken };
        },
        history: async (t) => (await (await client(t)).query('SELECT name, status FROM public._ductape_migrations ORDER BY name, status')).rows.map((r) => `${r.name}:${r.status}`),
        heldLocks: async (t) =>
          (
            await (
              await client(t)
            ).query(
              `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
               WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            )
          ).rows.map((r) => String(r.application_name)),
        fix: async (t) => {
          await (await client(t)).query('CREATE TABLE legacy (id uuid PRIMARY KEY)');
        },
        teardown: async () => {
          for (const c of clients.values()) await c.end().catch(() => undefined);
          for (const t of names) await pgAdmin(`DROP DATABASE IF EXISTS "${database(t)}" WITH (FORCE)`);
        },
      }
    : undefined,
);
