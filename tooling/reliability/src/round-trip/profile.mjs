/**
 * What the round-trip generator may draw on one database: the op kinds its capabilities claim,
 * the field types, identifiers it accepts, and how its introspection names a type (documented
 * aliases only, e.g. PostgreSQL reads `blob` as `binary`). Ops or options a database refuses by
 * design (declaredRefusals of its conformance target, its README) are not drawn; the refusals
 * themselves are checked by the adapter testkit and the bad-input property.
 * @example const p = profileOf('postgres', adapter.capabilities); p.ops.includes('renameCollection') // true
 * @param {string} key
 * @param {import('@ductape/core').Capabilities} caps
 */
export function profileOf(key, caps) {
  const sql = ['postgres', 'pglite', 'mysql', 'mariadb'].includes(key);
  const pg = key === 'postgres' || key === 'pglite';
  const ops = ['createCollection', 'addField', 'createIndex', 'dropIndex', 'dropCollection'];
  if (caps.dropField) ops.push('dropField');
  // Cassandra renames only key columns and never changes a type: neither is drawn there (declared refusals).
  if (caps.renameField && key !== 'cassandra') ops.push('renameField');
  if (caps.modifyField) ops.push('modifyField');
  if (caps.renameCollection) ops.push('renameCollection');
  if (caps.uniqueConstraints || caps.foreignKeys || caps.checkConstraints) ops.push('addConstraint', 'dropConstraint');
  // Raw ops whose effect the model can describe: an added column (SQL, Cassandra) or an index (MongoDB, DynamoDB).
  ops.push('raw');
  const base = ['integer', 'bigint', 'smallint', 'double', 'decimal', 'string', 'text', 'boolean'];
  const other = ['float', 'date', 'time', 'datetime', 'timestamp', 'json', 'uuid', 'enum', 'array', 'binary', 'blob'];
  return {
    key,
    caps,
    sql,
    pg,
    ops,
    /** Types whose values are written between migrations and compared afterwards. */
    dataTypes: base,
    fieldTypes: [...base, ...other],
    /** Documented aliases: the type introspection reports for a type that has no column of its own. */
    readsAs: pg ? { blob: 'binary' } : key === 'mongo' ? { blob: 'binary', text: 'string', date: 'datetime', timestamp: 'datetime', float: 'double' } : {},
    /** Options introspection cannot report on this database (stored nowhere), left out of comparisons. */
    lossy: key === 'mongo' ? ['decimalPrecision'] : [],
    /** Length introspection reports for a binary column declared without one (MySQL/MariaDB: varbinary(255)). */
    binaryLength: key === 'mysql' || key === 'mariadb' ? 255 : undefined,
    uniqueIndexes: caps.uniqueConstraints,
    // DynamoDB and Cassandra store no index order (both refuse DESC before IO).
    descIndexes: key !== 'cassandra' && key !== 'dynamo',
    compositeIndexes: key !== 'cassandra',
    // A DynamoDB GSI has a partition key and at most one sort key (more is refused by design).
    maxIndexFields: key === 'dynamo' ? 2 : 3,
    prefixLength: caps.indexPrefixLength === true,
    partial: caps.partialIndexes && pg,
    // addField with a default fills the rows there (SQL, MongoDB's backfill, DynamoDB's ScanAndUpdate); not on Cassandra.
    defaultsBackfill: sql || key === 'mongo' || key === 'dynamo',
    // DynamoDB's modifyField with a literal default also fills the items that lack the attribute.
    modifyDefaultBackfills: key === 'dynamo',
    /** What the store cannot hold (see values.mjs rowFor). */
    rowLimits: key === 'dynamo' ? { maxNumber: 1e125, noEmptyString: true } : key === 'mongo' ? { noDecimal: true } : {},
    cascade: pg,
    oddNames: key !== 'dynamo' && key !== 'cassandra',
    fieldUnique: caps.uniqueConstraints,
    // Cassandra: only the key is not null; DynamoDB: only the key is required.
    required: sql || key === 'mongo',
  };
}

/** Identifiers tried as table, field, index and constraint names (made unique by a suffix when taken). */
export function namePools(profile) {
  const plain = ['items', 'orders', 'people', 'events', 'notes', 'tags'];
  const plainFields = ['name', 'amount', 'code', 'title', 'score', 'flag', 'body', 'qty'];
  if (!profile.oddNames)
    return { tables: plain, fields: profile.key === 'cassandra' ? [...plainFields, 'select', 'order', 'key'] : [...plainFields, 'select', 'Order', 'Mixed_Case', 'user'], indexes: ['ix'] };
  const odd = ['select', 'Order', 'Mixed Case', 'user', 'group', 'ünïcødé', 'a-b'];
  const quote = profile.key === 'mongo' ? [] : profile.pg ? ['quo"te'] : ['quo`te'];
  return {
    tables: [...plain, ...odd, ...quote],
    fields: [...plainFields, 'select', 'Order', 'Value X', 'ñame', 'key', 'limit', 'from', ...quote],
    indexes: ['ix', 'Idx Odd', 'índice'],
  };
}

/**
 * Where a run's raw statements must point, from its namespace: DynamoDB's raw commands take the
 * full table name (the run's `tablePrefix` is not applied), Cassandra's raw CQL names the keyspace.
 * @example const p = { ...profile, place: placeOf(ns) }; p.place.tablePrefix // 'rel_1a2b_' on DynamoDB
 * @param {{ key: string, connection: string, options?: { tablePrefix?: string } }} ns
 */
export function placeOf(ns) {
  return {
    tablePrefix: ns.options?.tablePrefix ?? '',
    keyspace: ns.key === 'cassandra' ? decodeURIComponent(new URL(ns.connection).pathname.slice(1)) : undefined,
  };
}
