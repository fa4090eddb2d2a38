/**
 * Reads and writes user rows with plain SQL, beside the adapter (to seed data and to check that
 * none is lost). `query(text, params)` resolves to rows; `q` is the identifier quote character.
 * @example const probe = sqlProbe((t, p) => adapter.query(t, p), '"', 'public');
 * @param {(text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>} query
 * @param {string} q
 * @param {string} schema
 * @param {'pg' | 'mysql'} [style]
 */
export function sqlProbe(query, q, schema, style = 'pg') {
  const id = (name) => `${q}${name.replaceAll(q, q + q)}${q}`;
  const param = (i) => (style === 'pg' ? `$${i}` : '?');
  return {
    /** Inserts rows id 1..n with name `row-<id>`. */
    async insertRows(table, n) {
      for (let i = 1; i <= n; i++) await query(`INSERT INTO ${id(table)} (${id('id')}, ${id('name')}) VALUES (${param(1)}, ${param(2)})`, [i, `row-${i}`]);
    },
    /** Count of rows whose name still matches their id. */
    async countRows(table) {
      const rows = await query(`SELECT ${id('id')} AS id, ${id('name')} AS name FROM ${id(table)}`);
      return rows.filter((r) => r.name === `row-${r.id}`).length;
    },
    /** Names of the tables in the run's database. */
    async tableNames() {
      const rows = await query(
        style === 'pg'
          ? `SELECT table_name AS n FROM information_schema.tables WHERE table_schema = ${param(1)}`
          : `SELECT table_name AS n FROM information_schema.tables WHERE table_schema = ${param(1)}`,
        [schema],
      );
      return rows.map((r) => String(r.n ?? r.N ?? r.TABLE_NAME));
    },
    async close() {},
  };
}
