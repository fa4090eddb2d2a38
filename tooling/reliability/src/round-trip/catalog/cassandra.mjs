const HISTORY = /^_ductape/;
const sortRows = (rows) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * Cassandra: system_schema tables, columns (type, kind, clustering order) and indexes of the
 * keyspace, read with cassandra-driver. `view` has, per table, every column (nullable unless a
 * key column; type = CQL type, kind and clustering order when not `none`) and every index
 * (its target column and class, e.g. `sai`).
 * @example const cat = await cassandraCatalog(client, 'ductape_rel_1a2b');
 */
export async function cassandraCatalog(client, keyspace) {
  const q = async (cql) => (await client.execute(cql, [keyspace], { prepare: true })).rows;
  const tables = (await q('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?')).map((r) => r.table_name);
  const cols = (await q('SELECT table_name, column_name, type, kind, clustering_order FROM system_schema.columns WHERE keyspace_name = ?')).map((r) => ({
    t: r.table_name,
    c: r.column_name,
    type: r.type,
    kind: r.kind,
    order: r.clustering_order,
  }));
  const idx = (await q('SELECT table_name, index_name, kind, options FROM system_schema.indexes WHERE keyspace_name = ?')).map((r) => ({
    t: r.table_name,
    name: r.index_name,
    kind: r.kind,
    options: r.options,
  }));
  const view = {};
  for (const t of tables) if (!HISTORY.test(t)) view[t] = { columns: {}, indexes: {}, constraints: {} };
  for (const c of cols)
    if (view[c.t]) view[c.t].columns[c.c] = { nullable: c.kind === 'regular' || c.kind === 'static', type: `${c.type} ${c.kind}${c.order && c.order !== 'none' ? ` ${c.order}` : ''}` };
  for (const i of idx) if (view[i.t]) view[i.t].indexes[i.name] = { target: unquote(i.options?.target ?? ''), class: i.options?.class_name ?? i.kind };
  const mine = (r) => !HISTORY.test(r.t ?? '');
  return {
    dump: { tables: tables.filter((t) => !HISTORY.test(t)).sort(), cols: sortRows(cols.filter(mine)), idx: sortRows(idx.filter(mine)) },
    view,
    leftovers: tables.filter((t) => !HISTORY.test(t)),
  };
}

function unquote(s) {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s;
}
