const HISTORY = /^_ductape/;

/**
 * The MySQL/MariaDB catalog of one database: information_schema (tables, columns, index
 * statistics, constraints, referential and check constraints) and `SHOW CREATE TABLE` of every
 * table, read with mysql2 beside the adapter. `dump` is compared between runs (auto-increment
 * counters left out); `view` against the model; `leftovers` are the non-history tables.
 * @example const { view } = await mysqlCatalog(conn, 'ductape_rel_mysql_1a2b');
 * @param {import('mysql2/promise').Connection} conn
 * @param {string} db
 */
export async function mysqlCatalog(conn, db) {
  const q = async (sql, params) => (await conn.query(sql, params))[0];
  const tables = (await q('SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?', [db])).map((r) => r.t);
  const cols = await q(
    'SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?',
    [db],
  );
  const stats = await q(
    'SELECT TABLE_NAME AS t, INDEX_NAME AS i, SEQ_IN_INDEX AS seq, COLUMN_NAME AS c, COLLATION AS coll, SUB_PART AS sub, NON_UNIQUE AS nonUnique FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX',
    [db],
  );
  const cons = await q('SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS name, CONSTRAINT_TYPE AS kind FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = ?', [db]);
  const refs = await q(
    'SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS name, REFERENCED_TABLE_NAME AS ref, UPDATE_RULE AS onUpdate, DELETE_RULE AS onDelete FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
    [db],
  );
  const checks = await q('SELECT CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?', [db]);
  const creates = [];
  for (const t of tables.filter((x) => !HISTORY.test(x))) {
    const [row] = await q(`SHOW CREATE TABLE \`${t.replaceAll('`', '``')}\``);
    creates.push(String(row['Create Table']).replace(/ AUTO_INCREMENT=\d+/, ''));
  }
  const view = {};
  for (const t of tables) if (!HISTORY.test(t)) view[t] = { columns: {}, indexes: {}, constraints: {} };
  for (const c of cols) if (view[c.t]) view[c.t].columns[c.c] = { nullable: c.nullable === 'YES', type: c.type };
  const KIND = { 'PRIMARY KEY': 'primaryKey', UNIQUE: 'unique', 'FOREIGN KEY': 'foreignKey', CHECK: 'check' };
  const constraintNames = new Set();
  // MariaDB stores JSON as LONGTEXT with CHECK (json_valid(`col`)) named after the column: part of the type
  // (a backtick in the name is doubled in the clause).
  const jsonChecks = new Set(checks.filter((c) => /^json_valid\(`(?:[^`]|``)+`\)$/.test(String(c.clause).trim())).map((c) => c.name));
  for (const k of cons) {
    if (!view[k.t]) continue;
    if (k.kind === 'CHECK' && jsonChecks.has(k.name) && view[k.t].columns !== undefined && cols.some((c) => c.t === k.t && c.c === k.name)) continue;
    constraintNames.add(`${k.t}\u0000${k.name}`);
    if (k.kind !== 'PRIMARY KEY') view[k.t].constraints[k.name] = KIND[k.kind] ?? k.kind;
  }
  // MariaDB lists a column's own CHECK (col >= 0) as a constraint named after the column: kept as read.
  for (const s of stats) {
    if (!view[s.t] || s.i === 'PRIMARY' || constraintNames.has(`${s.t}\u0000${s.i}`)) continue;
    const ix = (view[s.t].indexes[s.i] ??= { unique: Number(s.nonUnique) === 0, columns: [], desc: [] });
    ix.columns.push(s.c);
    ix.desc.push(s.coll === 'D');
  }
  const sort = (rows) =>
    rows
      .filter((r) => !HISTORY.test(r.t ?? ''))
      .map((r) => JSON.stringify(r))
      .sort();
  const dump = { tables: tables.filter((t) => !HISTORY.test(t)).sort(), cols: sort(cols), stats: sort(stats), cons: sort(cons), refs: sort(refs), checks: sort(checks), creates: creates.sort() };
  return { dump, view, leftovers: tables.filter((t) => !HISTORY.test(t)) };
}
