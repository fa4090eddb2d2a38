const HISTORY = /^_ductape/;
const sortRows = (rows) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * DynamoDB: ListTables under the run's prefix and DescribeTable of each (key schema, attribute
 * definitions, GSIs and LSIs with their key schema and projection). `view` has, per table, the
 * AttributeDefinitions as columns (type `N`/`S`/`B`, followed by `HASH`/`RANGE` for the table
 * key) and the GSIs as indexes (key attributes, partition key first, and projection type).
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
    const role = new Map((t.KeySchema ?? []).map((k) => [k.AttributeName, k.KeyType]));
    const columns = Object.fromEntries(
      (t.AttributeDefinitions ?? []).map((a) => [a.AttributeName, { nullable: false, type: `${a.AttributeType}${role.has(a.AttributeName) ? ` ${role.get(a.AttributeName)}` : ''}` }]),
    );
    const indexes = Object.fromEntries(gsis.map((g) => [g.name, { columns: keyOrder(g.keys), projection: g.projection ?? null }]));
    for (const l of t.LocalSecondaryIndexes ?? []) indexes[l.IndexName] = { columns: keyOrder(l.KeySchema), projection: l.Projection?.ProjectionType ?? null, local: true };
    view[name] = { columns, indexes, constraints: {} };
  }
  return { dump: { tables: sortRows(tables) }, view, leftovers: tables.map((t) => t.name) };
}

/** Key attribute names, the partition (HASH) key first. */
function keyOrder(keys) {
  return [...(keys ?? [])].sort((a, b) => (a.KeyType === b.KeyType ? 0 : a.KeyType === 'HASH' ? -1 : 1)).map((k) => k.AttributeName);
}
