const HISTORY = /^_ductape/;
const sortRows = (rows) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * MongoDB (FerretDB): listCollections (with options: validator, capped) and listIndexes of every
 * collection, read with the mongodb driver. `view` has the collections and their index names.
 * @example const cat = await mongoCatalog(client.db(name));
 */
export async function mongoCatalog(db) {
  const colls = (await db.listCollections().toArray()).map((c) => ({ name: c.name, type: c.type, options: c.options ?? {} }));
  const view = {};
  const indexes = [];
  for (const c of colls) {
    const list = await db
      .collection(c.name)
      .listIndexes()
      .toArray()
      .catch(() => []);
    for (const i of list) indexes.push({ c: c.name, name: i.name, key: i.key, unique: i.unique === true, partial: i.partialFilterExpression ?? null });
    if (HISTORY.test(c.name)) continue;
    view[c.name] = { columns: {}, indexes: {}, constraints: {} };
  }
  const schemaDocs = colls.some((c) => c.name === '_ductape_schema') ? await db.collection('_ductape_schema').find({}).project({ _id: 1 }).toArray() : [];
  const mine = (r) => !HISTORY.test(r.name ?? '') && !HISTORY.test(r.c ?? '');
  return {
    dump: { colls: sortRows(colls.filter(mine)), indexes: sortRows(indexes.filter(mine)), schemaDocs: sortRows(schemaDocs) },
    view,
    leftovers: [...colls.filter(mine).map((c) => c.name), ...schemaDocs.map((d) => `_ductape_schema:${d._id}`)],
  };
}

/**
 * DynamoDB: ListTables under the run's prefix and DescribeTable of each (key schema, attribute
 * definitions, GSIs and LSIs with their key schema and projection).
 * @example const cat = await dynamoCatalog(client, 'rel_1a2b_');
 */
export async function dynamoCatalog(client, prefix) {
  const { DescribeTableCommand, ListTablesCommand } = await import('@aws-sdk/client-dynamodb');
  const names = [];
  let start;
  for (let page = 0; page < 100; page++) {
    const r = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start, Limit: 100 }));
    names.push(...(r.TableNames ?? []).filter((n) => n.startsWith(prefix)));
    start = r.LastEvaluatedTableName;
    if (!start) break;
  }
  const tables = [];
  const view = {};
  for (const full of names) {
    const name = full.slice(prefix.length);
    if (HISTORY.test(name)) continue;
    const t = (await client.send(new DescribeTableCommand({ TableName: full }))).Table ?? {};
    const gsis = (t.GlobalSecondaryIndexes ?? []).map((g) => ({ name: g.IndexName, keys: g.KeySchema, projection: g.Projection?.ProjectionType }));
    tables.push({
      name,
      keys: t.KeySchema,
      attributes: [...(t.AttributeDefinitions ?? [])].sort((a, b) => (a.AttributeName < b.AttributeName ? -1 : 1)),
      gsis: gsis.sort((a, b) => (a.name < b.name ? -1 : 1)),
      lsis: (t.LocalSecondaryIndexes ?? []).map((l) => l.IndexName).sort(),
    });
    view[name] = { columns: {}, indexes: Object.fromEntries(gsis.map((g) => [g.name, {}])), constraints: {} };
  }
  return { dump: { tables: sortRows(tables) }, view, leftovers: tables.map((t) => t.name) };
}

/**
 * Cassandra: system_schema tables, columns (type, kind, clustering order) and indexes of the
 * keyspace, read with cassandra-driver.
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
  for (const i of idx) if (view[i.t]) view[i.t].indexes[i.name] = {};
  const mine = (r) => !HISTORY.test(r.t ?? '');
  return {
    dump: { tables: tables.filter((t) => !HISTORY.test(t)).sort(), cols: sortRows(cols.filter(mine)), idx: sortRows(idx.filter(mine)) },
    view,
    leftovers: tables.filter((t) => !HISTORY.test(t)),
  };
}
