import { foreignKeyName, uniqueKeyName } from '@ductape/core';

/**
 * The in-memory schema (and rows) a history must leave behind: tables with fields, indexes and
 * constraints as the adapter's introspection should report them, and the rows written so far.
 * Plain data, cloned for every migration so each one's expectation is kept.
 * @example const m = emptyModel(); applyOp(m, { type: 'createCollection', name: 't', fields: [{ name: 'id', type: 'integer', primaryKey: true }] });
 */
export function emptyModel() {
  return { tables: {}, clock: 0, uids: 0, fids: 0 };
}

/** A deep copy of a model. */
export function cloneModel(m) {
  return structuredClone(m);
}

/** The model's table names, sorted. */
export function tableNames(m) {
  return Object.keys(m.tables).sort();
}

/**
 * Applies one operation to the model, as the database must. `profile` says what the database does
 * on its own (PostgreSQL's CASCADE drops foreign keys of other tables; a dropped column takes its
 * check constraints, indexes and keys with it).
 * @example applyOp(model, op, profile)
 */
export function applyOp(m, op, profile) {
  const t = op.collection !== undefined ? m.tables[op.collection] : undefined;
  switch (op.type) {
    case 'createCollection': {
      const fields = op.fields.map((f) => withFid(m, stripField(f)));
      // `uid` names the table through renames (a foreign key's target in a field's sticky rules);
      // `born` is the migration that created it (a rollbackTo before it drops it and its rows).
      m.uids = (m.uids ?? 0) + 1;
      m.tables[op.name] = { name: op.name, uid: m.uids, born: m.clock ?? 0, fields, indexes: [], constraints: [], rows: [], nextId: 1 };
      for (const f of op.fields) if (f.references) addFk(m, m.tables[op.name], f.name, f.references, op.name);
      return;
    }
    case 'dropCollection': {
      delete m.tables[op.name];
      for (const other of Object.values(m.tables)) other.constraints = other.constraints.filter((k) => !(k.type === 'foreignKey' && k.references.table === op.name));
      return;
    }
    case 'renameCollection': {
      const table = m.tables[op.from];
      delete m.tables[op.from];
      table.name = op.to;
      m.tables[op.to] = table;
      // A field's unique key is renamed with the table (<table>_<field>_key follows it); a named
      // constraint that now carries the derived name reads back as the field's key.
      if (profile.sql) keysBack(table);
      for (const other of Object.values(m.tables)) for (const k of other.constraints) if (k.type === 'foreignKey' && k.references.table === op.from) k.references = { ...k.references, table: op.to };
      return;
    }
    case 'addField': {
      const f = withFid(m, stripField(op.field));
      t.fields.push(f);
      const fill = op.field.default !== undefined && profile.defaultsBackfill ? op.field.default : null;
      for (const r of t.rows) r[f.name] = fill;
      // What the column is filled with when an `up` adds it again (holdable.mjs).
      (m.fills ??= {})[f.fid] = { add: fill };
      // A rollbackTo before this op drops the column and an `up` again re-adds it empty (null, no
      // default to fill it): its values are not there any more for a later NOT NULL.
      if (fill === null) f.added = true;
      else f.filledWith = fill;
      // A NOT NULL column without default over rows fails: the generator draws it on an empty table only,
      // and no row is written into the table any more (an `up` after a rollbackTo before it would meet them).
      if (op.field.required && fill === null) t.sealed = true;
      if (op.field.references) addFk(m, t, f.name, op.field.references, t.name);
      return;
    }
    case 'dropField': {
      // Cassandra remembers a dropped column's type and refuses it back with another one.
      if (profile.key === 'cassandra') (t.dropped ??= []).push(op.field);
      // What the column is filled with when a down re-adds it: its default at the drop (holdable.mjs).
      const gone = t.fields.find((f) => f.name === op.field);
      if (gone) (m.fills ??= {})[gone.fid] = { ...m.fills?.[gone.fid], drop: gone.default !== undefined && profile.defaultsBackfill ? gone.default : null };
      t.fields = t.fields.filter((f) => f.name !== op.field);
      t.indexes = t.indexes.filter((i) => !i.fields.some((x) => x.name === op.field));
      t.constraints = t.constraints.filter((k) => !(k.columns ?? k.checkColumns ?? []).includes(op.field));
      for (const r of t.rows) delete r[op.field];
      return;
    }
    case 'renameField': {
      const f = t.fields.find((x) => x.name === op.from);
      // The field's unique key is renamed with it (<table>_<field>_key follows the column).
      f.name = op.to;
      for (const i of t.indexes) i.fields = i.fields.map((x) => (x.name === op.from ? { ...x, name: op.to } : x));
      for (const k of t.constraints) {
        if (k.columns) k.columns = k.columns.map((c) => (c === op.from ? op.to : c));
        if (k.checkColumns) k.checkColumns = k.checkColumns.map((c) => (c === op.from ? op.to : c));
      }
      for (const other of Object.values(m.tables))
        for (const k of other.constraints)
          if (k.type === 'foreignKey' && k.references.table === t.name) k.references = { ...k.references, columns: k.references.columns.map((c) => (c === op.from ? op.to : c)) };
      for (const r of t.rows) {
        r[op.to] = r[op.from];
        delete r[op.from];
      }
      if (profile.sql) keysBack(t);
      return;
    }
    case 'modifyField': {
      const f = t.fields.find((x) => x.name === op.field);
      remember(f);
      for (const [k, v] of Object.entries(op.changes)) {
        if (v === null) delete f[k];
        else f[k] = v;
      }
      if (op.changes.type && op.changes.type !== 'string') delete f.length;
      if (op.changes.type && op.changes.type !== 'decimal') {
        delete f.precision;
        delete f.scale;
      }
      if (op.changes.required === false) delete f.required;
      // NOT NULL on a column added empty: an `up` after a rollbackTo before the add meets it null again.
      if (op.changes.required === true && f.added) t.sealed = true;
      if (op.changes.unique === false) delete f.unique;
      if (profile.modifyDefaultBackfills && op.changes.default !== undefined && op.changes.default !== null)
        for (const r of t.rows) if (r[f.name] === null || r[f.name] === undefined) r[f.name] = op.changes.default;
      return;
    }
    case 'createIndex':
      if (op.unique)
        for (const x of op.fields)
          remember(
            t.fields.find((f) => f.name === x.name),
            { unique: true },
          );
      t.indexes.push({ name: op.name, fields: op.fields.map((x) => ({ ...x })), ...(op.unique ? { unique: true } : {}), ...(op.where ? { where: op.where } : {}) });
      return;
    case 'dropIndex':
      t.indexes = t.indexes.filter((i) => i.name !== op.name);
      return;
    case 'addConstraint':
      if (op.constraint.type === 'unique')
        for (const c of op.constraint.columns)
          remember(
            t.fields.find((f) => f.name === c),
            { unique: true },
          );
      if (op.constraint.type === 'foreignKey')
        remember(
          t.fields.find((f) => f.name === op.constraint.columns[0]),
          { fk: m.tables[op.constraint.references.table]?.uid },
        );
      // The columns a check names keep values it holds for good (a down re-adds a dropped check).
      for (const c of op._checkColumns ?? [])
        remember(
          t.fields.find((f) => f.name === c),
          { check: true },
        );
      t.constraints.push({ ...structuredClone(op.constraint), ...(op._checkColumns ? { checkColumns: [...op._checkColumns] } : {}) });
      return;
    case 'dropConstraint': {
      for (const f of t.fields) remember(f);
      const keyed = t.fields.find((f) => f.unique && uniqueKeyName(t.name, f.name) === op.name);
      if (keyed) delete keyed.unique;
      t.constraints = t.constraints.filter((k) => k.name !== op.name);
      return;
    }
    case 'raw':
      // The generator's raw ops add (down: drop) one nullable integer field, described in `op.model`.
      if (op.model) applyOp(m, op.model, profile);
      return;
    default:
      throw new Error(`model: unknown op ${op.type}`);
  }
}

/** `fid` names a field through renames and type changes (holdable.mjs follows values by it). */
function withFid(m, f) {
  m.fids = (m.fids ?? 0) + 1;
  return { ...f, fid: m.fids };
}

function stripField(f) {
  const { references: _r, ...rest } = f;
  return structuredClone(rest);
}

function addFk(m, t, column, ref, tableName) {
  remember(
    t.fields.find((f) => f.name === column),
    { fk: m.tables[ref.table]?.uid },
  );
  t.constraints.push({
    name: foreignKeyName(tableName, column),
    type: 'foreignKey',
    columns: [column],
    references: { table: ref.table, columns: ref.columns ?? ['id'], ...(ref.onDelete ? { onDelete: ref.onDelete } : {}), ...(ref.onUpdate ? { onUpdate: ref.onUpdate } : {}) },
  });
}

/** Tables whose `id` another table's foreign key references (other than itself). */
export function referencedBy(m, table) {
  return Object.values(m.tables)
    .filter((o) => o.name !== table && o.constraints.some((k) => k.type === 'foreignKey' && k.references.table === table))
    .map((o) => o.name);
}

/**
 * What rows written later must still respect so that every down can run: a down puts back the
 * narrowest type, the shortest length, NOT NULL, unique keys, the checks (`check`: the column was
 * named by a `>= 0` check) and the foreign keys (`fks`: the `uid`s of every table the column
 * referenced) a field ever had in the history (a down restores definitions, not values — values
 * that no longer fit are a user's choice).
 * @example remember(field, { check: true }); field.sticky // { types: ['integer'], notNull: false, unique: false, check: true, fks: [] }
 */
export function remember(f, extra = {}) {
  if (!f) return;
  const s = (f.sticky ??= { types: [], notNull: false, unique: false, check: false, fks: [] });
  s.fks ??= [];
  if (!s.types.includes(f.type)) s.types.push(f.type);
  if (f.length !== undefined) s.minLength = Math.min(s.minLength ?? f.length, f.length);
  if (f.required) s.notNull = true;
  if (f.unique || extra.unique) s.unique = true;
  if (extra.check) s.check = true;
  if (extra.fk !== undefined && !s.fks.includes(extra.fk)) s.fks.push(extra.fk);
}

function keysBack(table) {
  table.constraints = table.constraints.filter((k) => {
    if (k.type !== 'unique' || k.columns.length !== 1) return true;
    const f = table.fields.find((x) => x.name === k.columns[0]);
    if (!f || f.primaryKey || f.unique || uniqueKeyName(table.name, f.name) !== k.name) return true;
    f.unique = true;
    return false;
  });
}
