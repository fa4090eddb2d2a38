// Contenders the *-apply benchmarks (pg-apply, mysql-apply) share: our engine over a given
// adapter, and knex's migrator running the same SQL text as every other contender.
import { MigrationEngine } from '@ductape/core';
import knexFactory from 'knex';

/**
 * Connects `adapter`, applies `ms` with `MigrationEngine.upAll` and closes it; answers the time of
 * connect + upAll in ms (the benchmark's own rounding).
 * @param {import('@ductape/core').Adapter} adapter a new, unconnected adapter
 * @param {import('@ductape/core').Migration[]} ms
 * @param {import('@ductape/core').UpAllOptions | undefined} options e.g. `{ singleTransaction: true }`
 * @param {(t0: number) => number} since
 * @returns {Promise<number>}
 * @example await engineApply(new PostgresAdapter({ url }), ms, undefined, since) // 812.4
 */
export async function engineApply(adapter, ms, options, since) {
  const t0 = performance.now();
  await adapter.connect();
  await new MigrationEngine(adapter).upAll(ms, options);
  const t = since(t0);
  await adapter.close();
  return t;
}

/**
 * Runs `ms` through knex's migrator on `url` and answers the time of `migrate.latest` in ms.
 * @param {'pg' | 'mysql2'} client the knex client
 * @param {string} url
 * @param {{ ms: { name: string }[], statements: string[][] }} work each migration and its SQL
 * @param {(t0: number) => number} since the benchmark's own rounding of the time since `t0`
 * @returns {Promise<number>}
 * @example await knexApply('pg', url, { ms, statements }, since) // 1234.5
 */
export async function knexApply(client, url, { ms, statements }, since) {
  const knex = knexFactory({ client, connection: url, pool: { min: 1, max: 2 } });
  const list = ms.map((m, i) => ({ name: m.name, sql: statements[i] }));
  const migrationSource = {
    getMigrations: async () => list,
    getMigrationName: (m) => m.name,
    getMigration: async (m) => ({
      up: async (k) => {
        for (const s of m.sql) await k.raw(s);
      },
      down: async () => {},
    }),
  };
  const t0 = performance.now();
  await knex.migrate.latest({ migrationSource });
  const t = since(t0);
  await knex.destroy();
  return t;
}
