// The MariaDB case of `pnpm bench fleet --db mariadb` (issue 20): 50 tenant databases on the server
// of `pnpm services:up mariadb` (DUCTAPE_TEST_MARIADB_URL). Each contender gets fresh empty
// databases; `drop()` removes them. The peer is knex's migrator (mysql2 client) per tenant database;
// the floor is a bare `mariadb` driver loop (the adapter's driver) of the statements our MariaDB
// adapter compiles.
import { createRequire } from 'node:module';
import knexFactory from 'knex';
import { loadServicesEnv } from '../../services/src/load-env.mjs';
import { eachAtOnce } from './fleet-pool.mjs';
import { fleetMigrations, statementsOf } from './fleet-workload.mjs';

const fromSdk = createRequire(new URL('../../../packages/sdk/package.json', import.meta.url));
const mariadb = createRequire(new URL('../../../packages/adapter-mariadb/package.json', import.meta.url))('mariadb');

/**
 * @param {{ targets: number }} o
 * @example const c = await openCase({ targets: 50 }); const f = await c.fresh('ours');
 */
export async function openCase({ targets }) {
  loadServicesEnv();
  const server = process.env.DUCTAPE_TEST_MARIADB_URL;
  if (!server) throw new Error('no MariaDB server: run `pnpm services:up mariadb` (or set DUCTAPE_TEST_MARIADB_URL)');
  const { MariadbAdapter } = await import(fromSdk.resolve('@ductape/adapter-mariadb'));
  const migrations = fleetMigrations();
  // MySQL-dialect DDL names no database: the statements are the same for every tenant.
  const statements = statementsOf(migrations, (op, ctx) => new MariadbAdapter({ connection: server }).compile(op, ctx));
  const urlOf = (db) => Object.assign(new URL(server), { pathname: `/${db}` }).toString();
  const connect = (db) => {
    const u = new URL(server);
    return mariadb.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      ...(db ? { database: db } : {}),
    });
  };
  const withConnection = async (db, fn) => {
    const c = await connect(db);
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    db: 'mariadb',
    kind: 'databases',
    where: new URL(server).host,
    targets,
    migrations,
    workload: 'sql',
    peers: {
      /** knex migrate.latest per tenant database (a knex per tenant, destroyed after it), sequentially. */
      async knex(fleet) {
        const t0 = performance.now();
        for (const t of fleet.tenants) {
          const knex = knexFactory({ client: 'mysql2', connection: t.url.replace(/^mariadb:/, 'mysql:'), pool: { min: 1, max: 2 } });
          try {
            await knex.migrate.latest({ migrationSource: sourceOf(migrations, statements) });
          } finally {
            await knex.destroy();
          }
        }
        return performance.now() - t0;
      },
    },
    /** The floor: each tenant's statements on a new connection to its database, `concurrency` tenants at a time. */
    async bare(fleet, { concurrency }) {
      const t0 = performance.now();
      await eachAtOnce(fleet.tenants, concurrency, (t) =>
        withConnection(t.name, async (c) => {
          for (const list of statements) for (const s of list) await c.query(s);
        }),
      );
      return performance.now() - t0;
    },
    async fresh(label) {
      const tag = `${label.replace(/[^a-z0-9]/g, '').slice(0, 12)}_${Math.random().toString(16).slice(2, 8)}`;
      const tenants = Array.from({ length: targets }, (_, i) => {
        const name = `bench_fleet_${tag}_t${String(i + 1).padStart(3, '0')}`;
        return { name, url: urlOf(name) };
      });
      await withConnection(undefined, async (c) => {
        for (const t of tenants) await c.query(`CREATE DATABASE \`${t.name}\``);
      });
      return {
        tenants,
        fleetConfig: { adapter: '@ductape/adapter-mariadb', environments: { bench: { targets: tenants.map((t) => ({ url: t.url, name: t.name })) } } },
        async history() {
          return withConnection(undefined, (c) =>
            eachAtOnce(tenants, 1, async (t) => {
              const [r] = await c.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS d, SUM(status = 'applied') AS a FROM \`${t.name}\`.\`_ductape_migrations\``);
              return { target: t.name, rows: Number(r.n), distinct: Number(r.d), applied: Number(r.a ?? 0) };
            }),
          );
        },
        async verify() {
          return withConnection(undefined, async (c) => {
            for (const t of [tenants[0], tenants.at(-1)]) {
              const rows = await c.query("SELECT 1 FROM information_schema.columns WHERE table_schema = ? AND table_name = 'accounts' AND column_name = 'plan'", [t.name]);
              if (rows.length !== 1) return false;
            }
            return true;
          });
        },
        async drop() {
          await withConnection(undefined, async (c) => {
            for (const t of tenants) await c.query(`DROP DATABASE IF EXISTS \`${t.name}\``);
          });
        },
      };
    },
  };
}

function sourceOf(migrations, statements) {
  const list = migrations.map((m, i) => ({ name: m.name, sql: statements[i] }));
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
