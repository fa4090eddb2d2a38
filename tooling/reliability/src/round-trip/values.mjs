const POOLS = {
  integer: [0, 1, -1, 2147483647, -2147483648, null, 42],
  smallint: [0, 32767, -32768, null, 5],
  bigint: ['9007199254740991', '-9007199254740991', '0', null, '12'],
  double: [1.5, -0.25, 1e300, 0, null],
  string: ['', 'ünïcødé 名前 🙂', 'quote \' " \\ %', null, 'LONG'],
  text: ['', 'long '.repeat(300), 'ünï 🙂 \n tab\t', null],
  boolean: [true, false, null],
};
const FIXED = {
  date: '2024-02-29',
  time: '12:34:56',
  datetime: '2024-02-29 12:34:56',
  timestamp: '2024-02-29 12:34:56',
  json: '{"a":[1,"ü"]}',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  enum: 'b',
  float: 1.5,
};

/**
 * Row values the round-trip property writes between migrations: boundaries, nulls, unicode,
 * quotes. Only the profile's `dataTypes` are compared afterwards; other columns get null (or a
 * fixed value when required). Within what the store holds (`profile.rowLimits`): DynamoDB numbers
 * stop at 1e125 and a GSI key cannot be an empty string (none is written there); FerretDB closes
 * the connection on a Decimal128, so MongoDB decimal fields stay null (no row when one is required).
 * @example const row = rowFor(profile, model, table, 3); // { id: 1, name: 'ünïcødé 名前 🙂', ... } or undefined
 */
export function rowFor(profile, model, t, n) {
  const id = t.nextId;
  const row = { id };
  for (const [i, f] of t.fields.entries()) {
    if (f.primaryKey) continue;
    const unique =
      f.sticky?.unique || f.unique || t.indexes.some((x) => x.unique && x.fields.some((y) => y.name === f.name)) || t.constraints.some((k) => k.type === 'unique' && k.columns.includes(f.name));
    const ids = referenceable(model, t, f);
    if (ids) {
      // A key that is (or was) unique too: an id no other row holds in this column.
      const free = unique ? ids.filter((x) => !t.rows.some((r) => r[f.name] === x)) : ids;
      const v = free.length && (n + i) % 2 === 0 ? free[(n + i) % free.length] : null;
      if (v === null && (f.required || f.nullable === false || f.sticky?.notNull)) return undefined;
      row[f.name] = v;
      continue;
    }
    // A check dropped earlier (or dropped with its column) comes back with a down: its rule stays.
    const check = f.sticky?.check || t.constraints.some((k) => k.type === 'check' && (k.checkColumns ?? []).includes(f.name));
    const g = fitting(f);
    const limits = profile.rowLimits ?? {};
    if (limits.noDecimal && g.type === 'decimal') {
      if (f.required || f.sticky?.notNull || unique) return undefined;
      row[f.name] = null;
      continue;
    }
    let v = value(g, n + i * 3, unique ? id : undefined, f.sticky?.notNull === true);
    if (v === null && f.required) v = value(g, n + i * 3 + 1, unique ? id : undefined, true);
    if (limits.noEmptyString && v === '') v = 'e';
    if (limits.maxNumber && typeof v === 'number' && Math.abs(v) > limits.maxNumber) v = Math.sign(v) * limits.maxNumber;
    if (v === undefined || (v === null && f.required)) return undefined;
    // A check `col >= 0` covers it: negatives become 0 (|-2147483648| would not fit an integer).
    if (check && v !== null) v = typeof v === 'string' ? (v.startsWith('-') ? '0' : v) : Math.max(0, v);
    row[f.name] = v;
  }
  t.nextId++;
  return row;
}

/**
 * The ids a value of `f` may take when the field has (or had) a foreign key, else undefined. A key
 * dropped earlier comes back with a down, so a value must be a row of every table the field ever
 * referenced: with more than one (or one that was dropped since: its rows do not come back) only
 * null is safe. A target created after `t` is dropped with its rows by a rollbackTo that keeps
 * `t`'s rows, and the `up` again re-adds the key over them: only null then too.
 * @example referenceable(model, t, f) // [1, 2] (ids of the one table f references), [] or undefined
 */
export function referenceable(model, t, f) {
  const live = t.constraints.find((k) => k.type === 'foreignKey' && k.columns.includes(f.name));
  const uids = [...(f.sticky?.fks ?? [])];
  const liveUid = live ? (live.references.table === t.name ? t.uid : model.tables[live.references.table]?.uid) : undefined;
  if (live && !uids.includes(liveUid)) uids.push(liveUid);
  if (uids.length === 0) return undefined;
  if (uids.length > 1 || uids[0] === undefined) return [];
  const target = t.uid === uids[0] ? t : Object.values(model.tables).find((x) => x.uid === uids[0]);
  if (!target || (target !== t && (target.born ?? 0) > (t.born ?? 0))) return [];
  return target.rows.map((r) => r.id);
}

/** The field as the narrowest definition it had in the history (type, length), for its values. */
function fitting(f) {
  // The current type counts too: a bigint narrowed to integer takes integer values from then on.
  const types = [...(f.sticky?.types ?? []), f.type];
  const order = ['smallint', 'integer', 'bigint'];
  let type = f.type;
  for (const t of order)
    if (types.includes(t) && order.includes(f.type)) {
      type = t;
      break;
    }
  const length = f.sticky?.minLength !== undefined ? Math.min(f.sticky.minLength, f.length ?? 255) : f.length;
  // Text that once was string(n) must still fit n.
  return { ...f, type: type === 'text' && types.includes('string') ? 'string' : type, ...(length !== undefined ? { length } : {}) };
}

function value(f, n, uniqueId, nonNull = false) {
  if (uniqueId !== undefined) {
    if (f.type === 'string' || f.type === 'text') return `u${uniqueId}`;
    if (f.type === 'bigint') return String(uniqueId * 1000 + 7);
    if (f.type === 'integer' || f.type === 'smallint') return uniqueId * 10 + 1;
    if (f.type === 'decimal') return `${uniqueId}.5`;
    if (f.type === 'double') return uniqueId + 0.5;
    if (f.type === 'boolean') return uniqueId === 1;
  }
  if (f.type === 'decimal') {
    const whole = (f.precision ?? 10) - (f.scale ?? 0);
    const max = `${'9'.repeat(whole)}${f.scale ? `.${'9'.repeat(f.scale)}` : ''}`;
    const list = ['0', `-0.${'0'.repeat(Math.max(0, (f.scale ?? 2) - 1))}1`, max, nonNull ? '1' : null];
    return list[n % list.length];
  }
  if (f.type === 'enum' && f.enumValues) return nonNull ? f.enumValues[0] : null;
  const pool = POOLS[f.type];
  if (!pool) return nonNull || f.required ? (FIXED[f.type] ?? undefined) : null;
  let v = pool[n % pool.length];
  if (v === null && nonNull) v = pool[(n + 1) % pool.length] ?? pool[0];
  if (v === 'LONG') v = 'ẞ'.repeat(f.length ?? 255);
  if (typeof v === 'string' && f.type === 'string') v = [...v].slice(0, f.length ?? 255).join('');
  return v;
}

/**
 * A read value reduced to what must survive a migration: numbers as numbers, big integers and
 * decimals as canonical strings, booleans as booleans (MySQL's 0/1), strings as they are.
 * @example normaliseValue('bigint', 12n) // '12'
 */
export function normaliseValue(type, v) {
  if (v === null || v === undefined) return null;
  // A value stored with another kind than the field's (rows/kinds.mjs wrongKind) stays as read.
  if (typeof v === 'string' && v.startsWith('«stored as ')) return v;
  switch (type) {
    case 'integer':
    case 'smallint':
    case 'double':
      return Number(v);
    case 'bigint':
      return String(v);
    case 'decimal':
      return Number(v).toString();
    case 'boolean':
      return typeof v === 'boolean' ? v : Number(v) !== 0;
    case 'string':
    case 'text':
      return Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
    default:
      return undefined;
  }
}
