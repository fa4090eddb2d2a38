// The PostgreSQL cases of `pnpm bench fleet` (issue 20): tenant schemas in one database
// (`--case schemas`, the default) or tenant databases (`--case databases`) on the server of
// `pnpm services:up postgres`. Each contender gets a fresh fleet (`fresh(label)`): the tenants
// created empty, nothing else; `drop()` removes it all. The peers (knex, node-pg-migrate) and the
// bare `pg` loops run the SQL our PostgreSQL adapter compiles for each tenant.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresAdapter } from '@ductape/adapter-postgres';
import knexFactory from 'knex';
import { runner as pgMigrate } from 'node-pg-migrate';
import pg from 'pg';
import { eachAtOnce } from './fleet-pool.mjs';
import { fleetMigrations, statementsOf } from './fleet-workload.mjs';
import { serverUrl, where } from './server.mjs';

/** What every contender runs: the plain DDL (see README: CONCURRENTLY cannot run in the peers' transactions). */
export const FLEET_OPTIONS = { online: false };

/**
 * @param {{ kind: 'schemas' | 'databases', targets: number }} o
 * @example const c = openCase({ kind: 'schemas', targets: 500 }); const f = await c.fresh('ours');
 */
export function openCase({ kind, targets }) {
  const server = serverUrl();
  const migrations = fleetMigrations();
  const urlOf = (db) => Object.assign(new URL(server), { pathname: `/${db}` }).toString();
  return {
    db: 'postgres',
    kind,
    where: where(server),
    targets,
    migrations,
    workload: 'sql',
    peers: { knex: knexLoop, node_pg_migrate: nodePgMigrateLoop },
    bare: barePg,
    /** A fresh fleet of `targets` empty tenants for one contender. */
    async fresh(label) {
      const tag = `${label.replace(/[^a-z0-9]/g, '').slice(0, 12)}_${Math.random().toString(16).slice(2, 8)}`;
      const names = Array.from({ length: targets }, (_, i) => `tenant_${String(i + 1).padStart(4, '0')}`);
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      try {
        if (kind === 'schemas') {
          const dbName = `bench_fleet_${tag}`;
          await admin.query(`CREATE DATABASE "${dbName}"`);
          const url = urlOf(dbName);
          await withClient(url, (c) => c.query(names.map((s) => `CREATE SCHEMA "${s}"`).join('; ')));
          const tenants = names.map((s) => ({ name: s, url, schema: s }));
          return fleetOf(
            tenants,
            {
              adapter: '@ductape/adapter-postgres',
              options: FLEET_OPTIONS,
              environments: { bench: { discover: { schemasLike: 'tenant\\_%', url } } },
            },
            [dbName],
            server,
          );
        }
        const dbNames = names.map((n) => `bench_fleet_${tag}_${n}`);
        for (const d of dbNames) await admin.query(`CREATE DATABASE "${d}"`);
        const tenants = dbNames.map((d) => ({ name: d, url: urlOf(d), schema: 'public' }));
        return fleetOf(
          tenants,
          { adapter: '@ductape/adapter-postgres', options: FLEET_OPTIONS, environments: { bench: { targets: tenants.map((t) => ({ url: t.url, name: t.name })) } } },
          dbNames,
          server,
        );
      } finally {
        await admin.end();
      }
    },
  };

  /** The fleet object the harness drives; `databases` are dropped by `drop()`. */
  function fleetOf(tenants, fleetConfig, databases, serverAt) {
    for (const t of tenants) {
      const adapter = new PostgresAdapter({ url: t.url, schema: t.schema, ...FLEET_OPTIONS });
      t.statements = statementsOf(migrations, (op, ctx) => adapter.compile(op, ctx));
    }
    return {
      tenants,
      fleetConfig,
      /** Per tenant: history rows, distinct names, rows applied (our history table). */
      async history() {
        const read = async (c, t) => {
          const r = await c.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS d, (count(*) FILTER (WHERE status = 'applied'))::int AS a FROM "${t.schema}"."_ductape_migrations"`);
          return { target: t.name, rows: r.rows[0].n, distinct: r.rows[0].d, applied: r.rows[0].a };
        };
        if (kind === 'schemas') return withClient(tenants[0].url, (c) => eachAtOnce(tenants, 1, (t) => read(c, t)));
        return eachAtOnce(tenants, 4, (t) => withClient(t.url, (c) => read(c, t)));
      },
      /** True when the first and last tenants hold the last migration's column. */
      async verify() {
        for (const t of [tenants[0], tenants.at(-1)]) {
          const ok = await withClient(
            t.url,
            async (c) => (await c.query("SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'accounts' AND column_name = 'plan'", [t.schema])).rowCount === 1,
          );
          if (!ok) return false;
        }
        return true;
      },
      /** Connections opened and transactions committed on the fleet's databases (pg_stat_database). */
      async serverStats() {
        return withClient(serverAt, async (c) => {
          const r = await c.query('SELECT COALESCE(sum(sessions), 0)::int AS sessions, COALESCE(sum(xact_commit), 0)::bigint AS commits FROM pg_stat_database WHERE datname = ANY($1)', [databases]);
          return { sessions: Number(r.rows[0].sessions), commits: Number(r.rows[0].commits) };
        });
      },
      async drop() {
        await withClient(serverAt, async (c) => {
          for (const d of databases) await c.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
        });
      },
    };
  }
}

async function withClient(url, fn) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** knex's migration source for one tenant: each migration runs its statements with knex.raw. */
function sourceOf(tenant, migrations) {
  const list = migrations.map((m, i) => ({ name: m.name, sql: tenant.statements[i] }));
  return {
    getMigrations: async () => list,
    getMigrationName: (m) => m.name,
    getMigration: async (m) => ({
      up: async (k) => {
        for (const s of m.sql) await k.raw(s);
      },
      down: async () => {},
    }),
  };
}

/**
 * The peers' way with knex: one process, a sequential loop of `migrate.latest` per tenant. Schemas:
 * one knex (its pool kept) and `schemaName` per tenant (its knex_migrations table and lock there);
 * databases: a knex per tenant database, destroyed after it.
 */
async function knexLoop(fleet, migrations, kind) {
  const t0 = performance.now();
  if (kind === 'schemas') {
    const knex = knexFactory({ client: 'pg', connection: fleet.tenants[0].url, pool: { min: 1, max: 2 } });
    try {
      for (const t of fleet.tenants) await knex.migrate.latest({ migrationSource: sourceOf(t, migrations), schemaName: t.schema });
    } finally {
      await knex.destroy();
    }
  } else {
    for (const t of fleet.tenants) {
      const knex = knexFactory({ client: 'pg', connection: t.url, pool: { min: 1, max: 2 } });
      try {
        await knex.migrate.latest({ migrationSource: sourceOf(t, migrations) });
      } finally {
        await knex.destroy();
      }
    }
  }
  return performance.now() - t0;
}

/**
 * The peers' way with node-pg-migrate: one process, a sequential loop of its `runner` per tenant
 * (migration files written beforehand, not timed). Schemas: one connected client passed as
 * `dbClient`, `schema` and `migrationsSchema` the tenant's; databases: `databaseUrl` per tenant.
 */
async function nodePgMigrateLoop(fleet, migrations, kind) {
  const root = mkdtempSync(join(tmpdir(), 'bench-fleet-npm-'));
  try {
    const dirs = fleet.tenants.map((t, ti) => {
      const dir = join(root, String(ti));
      mkdirSync(dir);
      migrations.forEach((m, i) =>
        writeFileSync(join(dir, `${String(i + 1).padStart(3, '0')}_${m.name}.cjs`), `exports.up = (pgm) => {\n${t.statements[i].map((s) => `  pgm.sql(${JSON.stringify(s)});`).join('\n')}\n};\n`),
      );
      return dir;
    });
    const base = { direction: 'up', migrationsTable: 'pgmigrations', count: Number.POSITIVE_INFINITY, log: () => {}, verbose: false, checkOrder: false };
    const t0 = performance.now();
    if (kind === 'schemas') {
      const client = new pg.Client({ connectionString: fleet.tenants[0].url });
      await client.connect();
      try {
        for (const [i, t] of fleet.tenants.entries()) await pgMigrate({ ...base, dbClient: client, dir: dirs[i], schema: t.schema, migrationsSchema: t.schema });
      } finally {
        await client.end();
      }
    } else {
      for (const [i, t] of fleet.tenants.entries()) await pgMigrate({ ...base, databaseUrl: t.url, dir: dirs[i] });
    }
    return performance.now() - t0;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The floor: every tenant's statements in autocommit with a bare `pg` client, no history, no lock,
 * `concurrency` tenants at a time (1: a sequential loop). Schemas: on the connections of one pool
 * of that size, unless `newConnectionEach` (a new connection per tenant, opened and closed around
 * its statements: what a runner pays that connects per target); databases: a connection per
 * tenant database, always.
 */
async function barePg(fleet, { concurrency, newConnectionEach }, kind) {
  const run = async (c, t) => {
    for (const list of t.statements) for (const s of list) await c.query(s);
  };
  const t0 = performance.now();
  if (newConnectionEach || kind === 'databases') {
    await eachAtOnce(fleet.tenants, concurrency, async (t) => {
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      try {
        await run(c, t);
      } finally {
        await c.end();
      }
    });
    return performance.now() - t0;
  }
  const pool = new pg.Pool({ connectionString: fleet.tenants[0].url, max: concurrency });
  try {
    await eachAtOnce(fleet.tenants, concurrency, async (t) => {
      const c = await pool.connect();
      try {
        await run(c, t);
      } finally {
        c.release();
      }
    });
    return performance.now() - t0;
  } finally {
    await pool.end();
  }
}
