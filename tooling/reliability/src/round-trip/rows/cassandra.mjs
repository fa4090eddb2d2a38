/**
 * Rows of the round trip on Cassandra, written and read with cassandra-driver beside the adapter:
 * prepared INSERTs naming every column (the key `id` is never null; the driver converts big
 * integer and decimal text to bigint and decimal), read back with SELECT *; bigint (Long) and
 * decimal (BigDecimal) come back as their decimal text. The INSERT's text carries the table's
 * current column types as a comment: the driver caches a prepared statement's bind types by its
 * text and encodes client-side, so after a table is dropped and recreated with another type under
 * the same name, the same text would be encoded with the old types ("Not a valid text value").
 * @example const rows = cassandraRows(client, 'ductape_rel_1a2b'); await rows.write(profile, 'items', [{ id: 1 }]);
 * @param {import('cassandra-driver').Client} client
 * @param {string} keyspace
 */
export function cassandraRows(client, keyspace) {
  const q = (s) => `"${s.replaceAll('"', '""')}"`;
  return {
    async write(_profile, table, rows) {
      const types = await client.execute('SELECT column_name, type FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?', [keyspace, table], { prepare: true });
      const shape = types.rows
        .map((r) => `${r.column_name}:${r.type}`)
        .sort()
        .join(',')
        .replaceAll('*/', '* /');
      for (const row of rows) {
        const cols = Object.keys(row);
        await client.execute(
          `INSERT INTO ${q(keyspace)}.${q(table)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) /* ${shape} */`,
          cols.map((c) => row[c]),
          { prepare: true },
        );
      }
    },
    async read(_profile, table) {
      const r = await client.execute(`SELECT * FROM ${q(keyspace)}.${q(table)}`, [], { fetchSize: 10_000 });
      return new Map(r.rows.map((row) => [Number(row.id), Object.fromEntries(row.keys().map((k) => [k, plain(row[k])]))]));
    },
  };
}

function plain(v) {
  if (v === null || v === undefined) return v;
  const name = v?.constructor?.name;
  if (name === 'Long' || name === 'BigDecimal' || name === 'Integer') return v.toString();
  return v;
}
