import { createHash } from 'node:crypto';
import pg from 'pg';
import { fleetKillCases } from '../support/fleet-kill-cases.js';
import { pgAdmin, pgDatabaseName, pgServer, pgUrl } from '../support/pg-server.js';

// Issue 20 acceptance on PostgreSQL, a schema per tenant: 12 schemas of one database, listed as
// the fleet's targets ({ url, schema }); two runners, one SIGKILLed mid-fleet and restarted (see
// fleet-kill-cases). Discovery of schemas is covered by fleet-two-runners.test.ts.
const TENANTS = 12;

const name = pgDatabaseName('ductape_sdk_fleetkill');
const schemas = Array.from({ length: TENANTS }, (_, i) => `tenant_${String(i + 1).padStart(2, '0')}`);
let c: pg.Client;

/** The advisory lock of a schema as pg_locks shows it (adapter-postgres's lockKey). */
function lockIds(schema: string): [number, number] {
  const big = BigInt.asUintN(64, createHash('sha256').update(`ductape-migrations:${schema}`).digest().readBigInt64BE(0));
  return [Number(big >> 32n), Number(big & 0xffffffffn)];
}

fleetKillCases(
  pgServer
    ? {
        label: 'PostgreSQL schemas',
        setup: async () => {
          const broken = 'tenant_04';
          await pgAdmin(`CREATE DATABASE "${name}"`);
          c = new pg.Client({ connectionString: pgUrl(name) });
          await c.connect();
          for (const s of schemas) await c.query(`CREATE SCHEMA ${s}${s === broken ? '' : `; CREATE TABLE ${s}.legacy (id uuid PRIMARY KEY)`}`);
          const targets = schemas.map((schema) => ({ url: pgUrl(name), schema }));
          return { fleet: { adapter: '@ductape/adapter-postgres', environments: { dev: { targets } } }, targets: schemas, broken };
        },
        history: async (s) => (await c.query(`SELECT name, status FROM ${s}._ductape_migrations ORDER BY name, status`)).rows.map((r) => `${r.name}:${r.status}`),
        heldLocks: async (s) =>
          (
            await c.query(
              `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
               WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
              lockIds(s),
            )
          ).rows.map((r) => String(r.application_name)),
        fix: async (s) => {
          await c.query(`CREATE TABLE ${s}.legacy (id uuid PRIMARY KEY)`);
        },
        teardown: async () => {
          await c?.end().catch(() => undefined);
          await pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        },
      }
    : undefined,
);
