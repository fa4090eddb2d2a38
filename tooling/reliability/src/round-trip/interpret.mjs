import { uniqueKeyName } from '@ductape/core';
import { applyOp, cloneModel, emptyModel, referencedBy, tableNames } from './model.mjs';
import { namePools } from './profile.mjs';
import { masked } from './project.mjs';
import { rowFor } from './values.mjs';

const INDEXABLE = new Set(['integer', 'bigint', 'smallint', 'double', 'decimal', 'string', 'boolean', 'date', 'datetime', 'uuid']);
// Row values of these are derived from the row id where a unique key covers them (booleans cannot be).
const UNIQUE_OK = new Set(['integer', 'bigint', 'smallint', 'double', 'decimal', 'string', 'text']);
const WIDEN = { smallint: 'integer', integer: 'bigint', string: 'text' };
const NARROW = { bigint: 'integer', integer: 'smallint', text: 'string' };
const RANGE = { smallint: 32767, integer: 2147483647 };

/**
 * MySQL and MariaDB refuse a CHECK and a foreign key whose action changes the column (ON UPDATE
 * CASCADE / SET NULL, ON DELETE SET NULL) on the same column (CheckForeignKeyConflictError, before
 * IO, tested in adapter-mysql): the generator does not draw that pair there.
 */
function changing(ref) {
  return ref.onUpdate === 'CASCADE' || ref.onUpdate === 'SET NULL' || ref.onDelete === 'SET NULL';
}

function checkFkConflict(profile) {
  return profile.key === 'mysql' || profile.key === 'mariadb';
}

/**
 * A column whose values a down or an `up` again may fill with one value: it has a default, or it
 * was added with one (model.mjs `filledWith`: an `up` after a rollbackTo before the add fills every
 * row again). Not drawn as a unique key (rows would repeat) nor a foreign key (the value need
 * not be a key of the target).
 */
function filled(f) {
  return f !== undefined && (f.default !== undefined || f.filledWith !== undefined);
}

function checked(t, name) {
  return t.constraints.some((k) => k.type === 'check' && (k.checkColumns ?? []).includes(name));
}

/**
 * Turns a generated history (plain numbers chosen by fast-check) into real migrations for one
 * database, walking the schema model: every op is valid for the model at that point (a choice
 * that does not fit falls back to creating a table), so any sub-list of the choices (what
 * shrinking tries) is again a valid history. Returns each migration with the rows written before
 * it and the model it must leave.
 * @example const steps = interpret(profileOf('pglite', caps), history, 'q1');
 * @param {ReturnType<import('./profile.mjs').profileOf>} profile
 * @param {{ migrations: { via: number, write: number, ops: { k: number, a: number, b: number, c: number, d: number }[] }[] }} history
 * @param {string} label unique per history run (migration names)
 */
export function interpret(profile, history, label) {
  const pools = namePools(profile);
  let model = emptyModel();
  const out = [];
  const mix = {};
  const count = (what) => (mix[what] = (mix[what] ?? 0) + 1);
  history.migrations.forEach((hm, i) => {
    model.clock = i;
    const write = [];
    // A sealed table takes no more rows (model.mjs: a NOT NULL column an `up` after a rollbackTo re-adds empty).
    const names = tableNames(model).filter((n) => !model.tables[n].sealed);
    if (hm.write % 2 === 1 && names.length > 0) {
      const t = model.tables[names[hm.write % names.length]];
      const rows = [];
      for (let r = 0; r < 1 + (hm.write % 3); r++) {
        const row = rowFor(profile, model, t, hm.write + r * 7);
        if (!row) break;
        t.rows.push(row);
        rows.push(row);
      }
      // The field types go with the rows: the stores without a fixed column type (MongoDB, DynamoDB) write by them.
      if (rows.length > 0) write.push({ table: t.name, rows: structuredClone(rows), model: { fields: t.fields.map((f) => ({ name: f.name, type: f.type })) } });
    }
    const via = hm.via % 2 === 0 ? 'builder' : 'sdk';
    const ops = [];
    // Index names created in this migration and not dropped by a dropIndex since: core refuses a
    // second createIndex of one name in one migration even when a dropField or dropCollection
    // took the first index with it (validate-migration.ts, finding 43).
    const indexNames = new Set();
    const gen = { profile, pools, model, count, indexNames };
    for (const c of hm.ops) {
      const op = generate(gen, c) ?? createCollection(gen, c);
      if (op.type === 'createIndex') indexNames.add(op.name);
      if (op.type === 'dropIndex') indexNames.delete(op.name);
      const sealed = new Set(
        Object.values(model.tables)
          .filter((t) => t.sealed)
          .map((t) => t.uid),
      );
      applyOp(model, op, profile);
      // How often a table stopped taking rows, and why (the op mix shows what the data rules cost).
      for (const t of Object.values(model.tables)) if (t.sealed && !sealed.has(t.uid)) count(`sealed:${op.type}`);
      ops.push(op);
      count(op.type === 'addConstraint' ? `addConstraint:${op.constraint.type}` : op.type);
      // An op that needs the live schema cannot follow a raw op (raw text is not modelled): raw ends its migration.
      if (op.type === 'raw') break;
    }
    if (via === 'sdk' && ops.some((o) => o.type === 'raw')) return void out.push({ index: i, name: `${label}_${i}`, via: 'builder', ops, write, expected: cloneModel(model) });
    out.push({ index: i, name: `${label}_${i}`, via, ops, write, expected: cloneModel(model) });
  });
  for (const m of out) for (const op of m.ops) for (const f of op.type === 'createCollection' ? op.fields : op.type === 'addField' ? [op.field] : []) count(`type:${f.type}`);
  return { migrations: out, mix };
}

function pick(list, n) {
  return list[n % list.length];
}

function fresh(base, taken, n) {
  if (!taken.includes(base)) return base;
  // The suffixed name may be taken too (e.g. people_253 created earlier): the next one then.
  for (let k = 0; ; k++) {
    const name = `${base}_${(n + k) % 97}${taken.length + Math.floor((n + k) / 97)}`;
    if (!taken.includes(name)) return name;
  }
}

function allNames(model) {
  const out = [];
  for (const t of Object.values(model.tables)) {
    out.push(t.name, ...t.indexes.map((i) => i.name), ...t.constraints.map((k) => k.name));
    for (const f of t.fields) if (f.unique) out.push(uniqueKeyName(t.name, f.name));
  }
  return out;
}

function tableOf(gen, c, filter = () => true) {
  const list = Object.values(gen.model.tables).filter(filter);
  return list.length
    ? pick(
        list.sort((a, b) => (a.name < b.name ? -1 : 1)),
        c.a,
      )
    : undefined;
}

function defaultFor(type, n) {
  const d = { integer: [7, 0, -1], bigint: [0, 42], smallint: [-1, 3], double: [1.5, 0], decimal: [2.5, 0], string: ['dflt', "it's", 'ünï'], boolean: [true, false], enum: ['a'] };
  return d[type] ? pick(d[type], n) : undefined;
}

/** A new field definition named `name` for a table that has `rows` rows. */
function newField(gen, c, name, hasRows, tableName) {
  const { profile } = gen;
  const type = c.b % 4 === 0 ? pick(profile.fieldTypes, c.c) : pick(profile.dataTypes, c.c);
  const f = { name, type };
  if (type === 'string') f.length = pick([20, 40, 100, 255], c.d);
  if (type === 'decimal') Object.assign(f, c.d % 2 ? { precision: 10, scale: 2 } : { precision: 12, scale: 3 });
  if (type === 'enum') f.enumValues = ['a', 'b', 'c'];
  if (type === 'array') f.itemType = pick(['string', 'integer'], c.d);
  if (type === 'binary' && profile.binaryLength) f.length = profile.binaryLength;
  const canDefault = defaultFor(type, 0) !== undefined && !(type === 'text' && !profile.pg) && profile.key !== 'cassandra';
  if (canDefault && c.d % 3 === 1) f.default = defaultFor(type, c.k);
  if (profile.required && c.d % 4 === 0 && (f.default !== undefined || !hasRows)) f.required = true;
  if (profile.fieldUnique && f.default === undefined && ['integer', 'bigint', 'string'].includes(type) && c.d % 5 === 2) f.unique = true;
  if (profile.caps.foreignKeys && type === 'integer' && !f.unique && f.default === undefined && !f.required && c.d % 7 === 3 && !hasRows) {
    const target = tableOf(gen, { a: c.k }) ?? (tableName ? { name: tableName } : undefined);
    if (target) f.references = { table: target.name, columns: ['id'], onDelete: pick(['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION'], c.a), onUpdate: pick(['NO ACTION', 'CASCADE'], c.b) };
  }
  return f;
}

function createCollection(gen, c) {
  const { profile, pools, model } = gen;
  const name = fresh(pick(pools.tables, c.a), allNames(model), c.b);
  const fields = [{ name: 'id', type: 'integer', primaryKey: true }];
  const n = 1 + (c.c % 4);
  for (let i = 0; i < n; i++) {
    const fname = fresh(
      pick(pools.fields, c.d + i * 3),
      fields.map((f) => f.name),
      i,
    );
    fields.push(newField(gen, { ...c, b: c.b + i, c: c.c + i * 5, d: c.d + i * 11 }, fname, false, name));
  }
  return { type: 'createCollection', name, fields };
}

const GENERATORS = {
  createCollection,
  addField(gen, c) {
    const t = tableOf(gen, c);
    if (!t) return undefined;
    // Cassandra: a name dropped from this table may come back only with its old type: not drawn again.
    const name = fresh(pick(gen.pools.fields, c.b), [...t.fields.map((f) => f.name), ...(t.dropped ?? [])], c.c);
    const f = newField(gen, c, name, t.rows.length > 0, t.name);
    if (f.unique && t.rows.length > 1) delete f.unique;
    return { type: 'addField', collection: t.name, field: f };
  },
  dropField(gen, c) {
    const t = tableOf(gen, c, (x) => x.fields.length > 1);
    if (!t) return undefined;
    // A NOT NULL field without default cannot come back once rows exist (down re-adds the definition, not the values): not drawn.
    // MongoDB without partial indexes (FerretDB): a unique index lets at most one document lack its field, so a
    // field that is or was unique cannot come back (values are not restored) once two rows exist: not drawn then.
    const oneMissing = gen.profile.key === 'mongo' && !gen.profile.caps.partialIndexes && t.rows.length > 1;
    const uniqueNow = (x) =>
      x.unique || x.sticky?.unique || t.indexes.some((i) => i.unique && i.fields.some((y) => y.name === x.name)) || t.constraints.some((k) => (k.columns ?? []).includes(x.name));
    // So is one that ever was NOT NULL: a down puts the NOT NULL back over the re-added (empty) column.
    const candidates = t.fields.filter((x) => !x.primaryKey && !((x.required || x.sticky?.notNull) && x.default === undefined) && !(oneMissing && uniqueNow(x)));
    if (candidates.length === 0) return undefined;
    return { type: 'dropField', collection: t.name, field: pick(candidates, c.b).name };
  },
  renameField(gen, c) {
    const t = tableOf(gen, c, (x) => x.fields.length > 1);
    if (!t) return undefined;
    // DynamoDB refuses renaming a GSI key attribute before IO, by design (finding 23): not drawn.
    const gsiKey = (x) => gen.profile.key === 'dynamo' && t.indexes.some((i) => i.fields.some((y) => y.name === x.name));
    const names = t.fields.filter((x) => !x.primaryKey && !gsiKey(x));
    if (names.length === 0) return undefined;
    const f = pick(names, c.b);
    const to = fresh(
      pick(gen.pools.fields, c.c),
      t.fields.map((x) => x.name),
      c.d,
    );
    return { type: 'renameField', collection: t.name, from: f.name, to };
  },
  modifyField(gen, c) {
    const { profile } = gen;
    const t = tableOf(gen, c, (x) => x.fields.some((f) => !f.primaryKey && profile.dataTypes.includes(f.type)));
    if (!t) return undefined;
    const f = pick(
      t.fields.filter((x) => !x.primaryKey && profile.dataTypes.includes(x.type)),
      c.b,
    );
    const values = t.rows.map((r) => r[f.name]);
    const fk = t.constraints.some((k) => k.type === 'foreignKey' && k.columns.includes(f.name));
    const keyed = f.unique || t.indexes.some((i) => i.fields.some((x) => x.name === f.name)) || t.constraints.some((k) => (k.columns ?? []).includes(f.name));
    const options = [];
    if (profile.key !== 'cassandra') {
      if (WIDEN[f.type] && !fk && !(f.type === 'string' && keyed)) options.push({ type: WIDEN[f.type] });
      if (NARROW[f.type] && !fk && !keyed && values.every((v) => v === null || (NARROW[f.type] === 'string' ? String(v).length <= 255 : Math.abs(Number(v)) <= RANGE[NARROW[f.type]])))
        options.push(NARROW[f.type] === 'string' ? { type: 'string', length: 255 } : { type: NARROW[f.type] });
      if (f.type === 'string') {
        const longest = Math.max(0, ...values.map((v) => (v === null ? 0 : [...String(v)].length)));
        options.push({ length: Math.min(255, (f.length ?? 255) + 40) });
        if (longest <= 20 && (f.length ?? 255) > 20 && !keyed) options.push({ length: 20 });
      }
      // A column added empty (model.mjs `added`) comes back empty in an `up` after a rollbackTo before
      // its add: NOT NULL on it only while the table has no rows, and the table is sealed after.
      if (profile.required && !f.required && values.every((v) => v !== null) && !fk && !(f.added && t.rows.length > 0)) options.push({ required: true });
      if (f.required) options.push({ required: false });
    }
    const d = defaultFor(f.type, c.d);
    // A column a check names (now or ever) keeps non-negative defaults: a down that re-adds the column fills it.
    const negative = typeof d === 'number' && d < 0 && (f.sticky?.check || checked(t, f.name));
    // Nor one that is or was a unique or foreign key: a down that re-adds the column fills every row with it.
    const keyedEver = keyed || f.sticky?.unique || (f.sticky?.fks ?? []).length > 0;
    if (d !== undefined && !keyedEver && !negative && !(f.type === 'text' && !profile.pg)) options.push({ default: d });
    if (f.default !== undefined) options.push({ default: null });
    if (options.length === 0) return undefined;
    return { type: 'modifyField', collection: t.name, field: f.name, changes: pick(options, c.c) };
  },
  createIndex(gen, c) {
    const { profile } = gen;
    const t = tableOf(gen, c, (x) => x.fields.some((f) => indexable(profile, f)));
    if (!t) return undefined;
    const candidates = t.fields.filter((f) => indexable(profile, f) && !(profile.key === 'cassandra' && f.primaryKey));
    if (candidates.length === 0) return undefined;
    const n = profile.compositeIndexes ? 1 + (c.b % Math.min(profile.maxIndexFields ?? 3, candidates.length)) : 1;
    const fields = [];
    for (let i = 0; i < n; i++) {
      const f = candidates[(c.c + i) % candidates.length];
      if (fields.some((x) => x.name === f.name)) continue;
      const x = { name: f.name };
      if (profile.descIndexes && !masked().has('desc') && (c.d + i) % 3 === 0) x.order = 'DESC';
      if (profile.prefixLength && f.type === 'text') x.length = 10;
      fields.push(x);
    }
    const name = fresh(`${t.name}_${pick(gen.pools.indexes, c.d)}`.slice(0, 40), [...allNames(gen.model), ...gen.indexNames], c.k);
    if (
      sameKey(
        profile,
        t,
        fields.map((x) => x.name),
      )
    )
      return undefined;
    const op = { type: 'createIndex', collection: t.name, name, fields };
    if (
      profile.uniqueIndexes &&
      c.k % 3 === 0 &&
      distinct(
        profile,
        t,
        fields.map((x) => x.name),
      ) &&
      fields.every((x) => UNIQUE_OK.has(t.fields.find((f) => f.name === x.name)?.type)) &&
      !fields.some((x) => filled(t.fields.find((f) => f.name === x.name)))
    )
      op.unique = true;
    if (profile.partial && c.k % 4 === 1) op.where = `${quote(profile, fields[0].name)} IS NOT NULL`;
    return op;
  },
  dropIndex(gen, c) {
    const t = tableOf(gen, c, (x) => x.indexes.length > 0);
    if (!t) return undefined;
    return { type: 'dropIndex', collection: t.name, name: pick(t.indexes, c.b).name };
  },
  addConstraint(gen, c) {
    const { profile } = gen;
    const kinds = [];
    if (profile.caps.uniqueConstraints) kinds.push('unique');
    if (profile.caps.foreignKeys) kinds.push('foreignKey');
    if (profile.caps.checkConstraints) kinds.push('check');
    const kind = pick(kinds, c.k);
    const t = tableOf(gen, c, (x) => x.fields.length > 1);
    if (!t) return undefined;
    const name = fresh(`${t.name}_${kind === 'unique' ? 'uq' : kind === 'check' ? 'ck' : 'fk'}`.slice(0, 40), allNames(gen.model), c.b);
    if (kind === 'unique') {
      const cols = t.fields.filter((f) => !f.primaryKey && indexable(profile, f) && UNIQUE_OK.has(f.type) && f.type !== 'text' && !filled(f));
      if (cols.length === 0) return undefined;
      const columns = [...new Set([pick(cols, c.c).name, ...(c.d % 2 ? [pick(cols, c.c + 1).name] : [])])];
      if (!distinct(profile, t, columns) || sameKey(profile, t, columns)) return undefined;
      return { type: 'addConstraint', collection: t.name, constraint: { name, type: 'unique', columns } };
    }
    if (kind === 'check') {
      const changed = (f) => t.constraints.some((k) => k.type === 'foreignKey' && k.columns.includes(f.name) && changing(k.references));
      const cols = t.fields.filter(
        (f) =>
          !f.primaryKey &&
          ['integer', 'smallint', 'bigint', 'decimal', 'double'].includes(f.type) &&
          t.rows.every((r) => r[f.name] === null || Number(r[f.name]) >= 0) &&
          // A down that re-adds the column fills it with its default before the check comes back.
          !(typeof f.default === 'number' && f.default < 0) &&
          !(typeof f.filledWith === 'number' && f.filledWith < 0) &&
          !(checkFkConflict(profile) && changed(f)),
      );
      if (cols.length === 0) return undefined;
      const col = pick(cols, c.c).name;
      return { type: 'addConstraint', collection: t.name, constraint: { name, type: 'check', expression: `${quote(profile, col)} >= 0` }, checkColumns: [col] };
    }
    // No default: a down that re-adds the column fills it with the default, which need not be a key of the target.
    const cols = t.fields.filter((f) => !f.primaryKey && f.type === 'integer' && !filled(f) && !t.constraints.some((k) => k.type === 'foreignKey' && k.columns.includes(f.name)));
    if (cols.length === 0) return undefined;
    const col = pick(cols, c.c);
    const target = tableOf(gen, { a: c.d });
    const ids = new Set(target.rows.map((r) => r.id));
    if (!t.rows.every((r) => r[col.name] === null || ids.has(r[col.name]))) return undefined;
    // Values over a younger target: a rollbackTo before it drops the target's rows and keeps these,
    // and the `up` again re-adds the key over them.
    if (target !== t && (target.born ?? 0) > (t.born ?? 0) && t.rows.some((r) => r[col.name] !== null && r[col.name] !== undefined)) return undefined;
    // MySQL/MariaDB: a column a check names takes a key whose actions leave it alone.
    const calm = checkFkConflict(profile) && checked(t, col.name);
    const onDelete = pick(col.required || calm ? ['CASCADE', 'RESTRICT', 'NO ACTION'] : ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION'], c.a + c.b);
    const onUpdate = pick(calm ? ['NO ACTION', 'RESTRICT'] : ['NO ACTION', 'CASCADE', 'RESTRICT'], c.k);
    return {
      type: 'addConstraint',
      collection: t.name,
      constraint: { name, type: 'foreignKey', columns: [col.name], references: { table: target.name, columns: ['id'], onDelete, onUpdate } },
    };
  },
  dropConstraint(gen, c) {
    // A field's unique key is named <table>_<field>_key on the SQL databases only.
    const keyed = (x) => (gen.profile.sql ? x.fields.filter((f) => f.unique && !f.primaryKey) : []);
    const t = tableOf(gen, c, (x) => x.constraints.length > 0 || keyed(x).length > 0);
    if (!t) return undefined;
    const names = [...t.constraints.map((k) => k.name), ...keyed(t).map((f) => uniqueKeyName(t.name, f.name))];
    return { type: 'dropConstraint', collection: t.name, name: pick(names, c.b) };
  },
  renameCollection(gen, c) {
    const t = tableOf(gen, c);
    if (!t) return undefined;
    return { type: 'renameCollection', from: t.name, to: fresh(pick(gen.pools.tables, c.b), allNames(gen.model), c.c) };
  },
  dropCollection(gen, c) {
    const { profile, model } = gen;
    // Rows of other tables that point at x's rows through a key they have or had (a down puts a
    // dropped key back; x's rows do not come back): x is not dropped then, with or without cascade.
    const pointedAt = (x) =>
      Object.values(model.tables).some(
        (o) =>
          o !== x &&
          (o.constraints.some((k) => k.type === 'foreignKey' && k.references.table === x.name && o.rows.some((r) => r[k.columns[0]] !== null && r[k.columns[0]] !== undefined)) ||
            o.fields.some((f) => (f.sticky?.fks ?? []).includes(x.uid) && o.rows.some((r) => r[f.name] !== null && r[f.name] !== undefined))),
      );
    const t = tableOf(gen, c, (x) => !pointedAt(x) && (profile.cascade || referencedBy(model, x.name).length === 0));
    if (!t) return undefined;
    const op = { type: 'dropCollection', name: t.name };
    if (profile.cascade && (referencedBy(model, t.name).length > 0 || c.b % 2 === 0)) op.cascade = true;
    return op;
  },
  raw(gen, c) {
    const { profile } = gen;
    const t = tableOf(gen, c);
    if (!t) return undefined;
    const col = fresh(`raw_${pick(['n', 'x'], c.b)}`, [...t.fields.map((f) => f.name), ...(t.dropped ?? [])], c.c);
    const model = { type: 'addField', collection: t.name, field: { name: col, type: 'integer' } };
    if (profile.sql) {
      const q = (s) => quote(profile, s);
      return {
        type: 'raw',
        dialect: profile.pg ? 'postgresql' : profile.key,
        sql: `ALTER TABLE ${q(t.name)} ADD COLUMN ${q(col)} integer`,
        down: { sql: `ALTER TABLE ${q(t.name)} DROP COLUMN ${q(col)}` },
        model,
      };
    }
    if (profile.key === 'mongo') {
      // A raw createIndexes command with its dropIndexes down: the model gets the index it makes.
      const f = pick(t.fields, c.b);
      if (sameKey(profile, t, [f.name])) return undefined;
      const name = fresh(`${t.name}_raw`, allNames(gen.model), c.d);
      return {
        type: 'raw',
        dialect: 'mongodb',
        sql: JSON.stringify({ createIndexes: t.name, indexes: [{ key: { [f.name]: 1 }, name }] }),
        down: { sql: JSON.stringify({ dropIndexes: t.name, index: name }) },
        model: { type: 'createIndex', collection: t.name, name, fields: [{ name: f.name }] },
      };
    }
    if (profile.key === 'cassandra') {
      // Raw CQL adding (down: dropping) a nullable int column, as the SQL databases' raw op: the model adds the field.
      const at = `${cqlName(profile.place?.keyspace ?? '')}.${cqlName(t.name)}`;
      return { type: 'raw', dialect: 'cassandra', sql: `ALTER TABLE ${at} ADD ${cqlName(col)} int`, down: { sql: `ALTER TABLE ${at} DROP ${cqlName(col)}` }, model };
    }
    if (profile.key === 'dynamo') return dynamoRawIndex(gen, t, c);
    return undefined;
  },
};

/**
 * DynamoDB's raw dialect takes one API command ({ command, input }; no table prefix applied): an
 * UpdateTable creating a GSI on one key-typed field (down: the UpdateTable deleting it), which the
 * model describes as a createIndex of that name. Fields DynamoDB cannot key (boolean, json,
 * array) and the table key are not drawn.
 */
function dynamoRawIndex(gen, t, c) {
  const KEY = { integer: 'N', bigint: 'N', smallint: 'N', double: 'N', decimal: 'N', float: 'N', timestamp: 'N', string: 'S', text: 'S', uuid: 'S', enum: 'S', date: 'S', time: 'S', datetime: 'S' };
  const fields = t.fields.filter((f) => KEY[f.type] && !f.primaryKey);
  if (fields.length === 0) return undefined;
  const f = pick(fields, c.b);
  const name = fresh(`${t.name}_raw`, allNames(gen.model), c.d);
  const TableName = `${gen.profile.place?.tablePrefix ?? ''}${t.name}`;
  return {
    type: 'raw',
    dialect: 'dynamodb',
    command: {
      command: 'UpdateTable',
      input: {
        TableName,
        AttributeDefinitions: [{ AttributeName: f.name, AttributeType: KEY[f.type] }],
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: name, KeySchema: [{ AttributeName: f.name, KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
      },
    },
    down: { command: { command: 'UpdateTable', input: { TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: name } }] } } },
    model: { type: 'createIndex', collection: t.name, name, fields: [{ name: f.name }] },
  };
}

/** A CQL identifier, always double-quoted (reserved words such as "select" and "order" are drawn). */
function cqlName(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

function generate(gen, choice) {
  const kind = pick(gen.profile.ops, choice.k);
  // `k` chose the op: what is left of it is independent of that choice (no op always unique, etc.).
  const c = { ...choice, k: Math.floor(choice.k / gen.profile.ops.length) + choice.d };
  const op = GENERATORS[kind](gen, c);
  if (op && op.type === 'addConstraint' && op.checkColumns) {
    const { checkColumns, ...rest } = op;
    // The model remembers which column a check names (a dropped column takes its checks with it).
    return { ...rest, constraint: rest.constraint, _checkColumns: checkColumns };
  }
  return op;
}

/**
 * MongoDB refuses a second index on the same key pattern (primary key, unique fields and
 * constraints included), Cassandra a second index on the same column.
 */
function sameKey(profile, t, columns) {
  if (profile.key !== 'mongo' && profile.key !== 'cassandra') return false;
  const key = columns.join('\u0000');
  const taken = [
    ...t.indexes.map((i) => i.fields.map((x) => x.name)),
    ...t.constraints.filter((k) => k.columns).map((k) => k.columns),
    ...t.fields.filter((f) => f.unique || f.primaryKey).map((f) => [f.name]),
  ];
  return taken.some((cols) => cols.join('\u0000') === key);
}

function indexable(profile, f) {
  if (!INDEXABLE.has(f.type) && !(f.type === 'text' && (profile.pg || profile.prefixLength))) return false;
  // A DynamoDB key attribute is S, N or B: a boolean cannot be a GSI key (refused by design).
  if (profile.key === 'dynamo' && f.type === 'boolean') return false;
  return true;
}

function distinct(profile, t, columns) {
  const seen = new Set();
  for (const r of t.rows) {
    const vals = columns.map((c) => r[c]);
    if (profile.sql && vals.some((v) => v === null)) continue;
    const key = JSON.stringify(vals);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** An identifier quoted for the profile's SQL dialect. */
export function quote(profile, name) {
  const q = profile.pg ? '"' : '`';
  return `${q}${name.replaceAll(q, q + q)}${q}`;
}
