// The knex contender of the *-apply benchmarks: the same SQL text as every other contender, run
// as one knex migration per migration through `knex.migrate.latest` with an in-memory source.
import knexFactory from 'knex';

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
