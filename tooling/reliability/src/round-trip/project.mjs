import { canonicalJson, uniqueKeyName } from '@ductape/core';
import { expectedNosqlCatalog } from './catalog/expected-nosql.mjs';

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * A table as introspection reports it (or as the model says it must be), reduced to what the
 * round trip must keep: fields (type through the profile's documented aliases, length, precision,
 * nullability, unique, key, default, enum values, item type), indexes (columns with order and
 * prefix, unique, partial or not) and constraints (primary key left out: it is on the field).
 * @example projectTable(profile, await adapter.introspect('t'))
 */
export function projectTable(profile, t) {
  if (!t) return null;
  // A primary key constraint (e.g. `<old table>_pkey` after a rename) marks its columns as the key.
  const pk = new Set((t.constraints ?? []).filter((k) => k.type === 'primaryKey').flatMap((k) => k.columns));
  const mask = masked();
  const fields = (t.fields ?? []).map((x) => {
    const f = pk.has(x.name) ? { ...x, primaryKey: true } : x;
    const type = profile.readsAs[f.type] ?? f.type;
    const out = { name: f.name, type, required: !f.primaryKey && (f.required === true || f.nullable === false), unique: f.unique === true, primaryKey: f.primaryKey === true };
    if (type === 'string' || (type === 'binary' && profile.binaryLength)) out.length = f.length ?? (type === 'binary' ? profile.binaryLength : 255);
    if (type === 'decimal' && !profile.lossy.includes('decimalPrecision')) Object.assign(out, { precision: f.precision ?? null, scale: f.scale ?? null });
    if (f.default !== undefined && f.default !== null) out.default = canonicalJson(f.default);
    if (type === 'enum') out.enumValues = f.enumValues ?? null;
    if (type === 'array') out.itemType = f.itemType ?? null;
    return out;
  });
  const indexes = (t.indexes ?? []).map((i) => ({
    name: i.name,
    fields: i.fields.map((x) => ({ name: x.name, order: mask.has('desc') ? 'ASC' : (x.order ?? 'ASC'), ...(x.length ? { length: x.length } : {}) })),
    unique: i.unique === true,
    partial: i.where !== undefined && i.where !== null,
  }));
  const constraints = (t.constraints ?? [])
    .filter((k) => k.type !== 'primaryKey')
    .map((k) => {
      // InnoDB: RESTRICT and NO ACTION are the same rule (checked at once); either may be read back.
      const action = (a) => (a === 'RESTRICT' && !profile.pg ? 'NO ACTION' : (a ?? 'NO ACTION'));
      if (k.type === 'foreignKey')
        return {
          name: k.name,
          type: k.type,
          columns: k.columns,
          references: { table: k.references.table, columns: k.references.columns ?? ['id'], onDelete: action(k.references.onDelete), onUpdate: action(k.references.onUpdate) },
        };
      if (k.type === 'unique') return { name: k.name, type: k.type, columns: k.columns };
      return { name: k.name, type: k.type };
    });
  return { name: t.name, fields: fields.sort(byName), indexes: indexes.sort(byName), constraints: constraints.sort(byName) };
}

/**
 * Known findings whose symptom is left out of the comparison, from ROUND_TRIP_MASK (comma list,
 * e.g. `desc`): for looking past a finding that is already recorded, never by default.
 */
export function masked() {
  return new Set((process.env.ROUND_TRIP_MASK ?? '').split(',').filter(Boolean));
}

/**
 * What the database's own catalog must show for a model table: column names and nullability,
 * plain index names with their columns, DESC flags and uniqueness, and the constraint names
 * (a field's unique key as `<table>_<field>_key`); on MongoDB, DynamoDB and Cassandra see
 * catalog/expected-nosql.mjs.
 * @example expectedCatalog(profile, model)
 */
export function expectedCatalog(profile, model) {
  const tables = {};
  // MongoDB, DynamoDB, Cassandra: validator properties and indexes; attribute definitions and GSIs; system_schema columns and indexes.
  if (!profile.sql) return expectedNosqlCatalog(profile, model);
  for (const t of Object.values(model.tables)) {
    const columns = {};
    for (const f of t.fields) columns[f.name] = { nullable: !(f.primaryKey || f.required), type: catalogType(profile, f) };
    const indexes = {};
    const constraints = {};
    for (const i of t.indexes) {
      // MySQL/MariaDB list a unique index as a UNIQUE constraint in information_schema.
      if (i.unique && !profile.pg) constraints[i.name] = 'unique';
      else indexes[i.name] = { unique: i.unique === true, columns: i.fields.map((x) => x.name), desc: i.fields.map((x) => x.order === 'DESC') };
    }
    for (const k of t.constraints) constraints[k.name] = k.type;
    for (const f of t.fields) if (f.unique && !f.primaryKey) constraints[uniqueKeyName(t.name, f.name)] = 'unique';
    tables[t.name] = { columns, indexes, constraints };
  }
  return tables;
}

const PG_TYPES = { integer: 'int4', bigint: 'int8', smallint: 'int2', double: 'float8', text: 'text', boolean: 'bool' };
// A `text` without a size is LONGTEXT on MySQL/MariaDB (adapter-mysql's DEFAULT_TEXT_SIZE, issue 24).
const MY_TYPES = { integer: /^int(\(\d+\))?$/, bigint: /^bigint(\(\d+\))?$/, smallint: /^smallint(\(\d+\))?$/, double: /^double$/, text: /^longtext$/, boolean: /^tinyint\(1\)$/ };

/** The catalog's type text a data column must have (a matcher string), or undefined when not checked. */
export function catalogType(profile, f) {
  if (!profile.dataTypes.includes(f.type)) return undefined;
  if (profile.pg) {
    if (f.type === 'string') return `varchar(${f.length ?? 255})`;
    if (f.type === 'decimal') return `numeric(${f.precision},${f.scale})`;
    return PG_TYPES[f.type];
  }
  if (profile.sql) {
    if (f.type === 'string') return `varchar(${f.length ?? 255})`;
    if (f.type === 'decimal') return `decimal(${f.precision},${f.scale})`;
    return MY_TYPES[f.type]?.source;
  }
  return undefined;
}

/**
 * Differences between the expected catalog view and the one read, as short lines.
 * @example diffCatalog(expected, actual) // ['t.n: nullable true, catalog false']
 */
export function diffCatalog(expected, actual) {
  const out = [];
  const names = (o) => Object.keys(o).sort().join(', ');
  if (names(expected) !== names(actual)) out.push(`tables: model [${names(expected)}], catalog [${names(actual)}]`);
  for (const [t, e] of Object.entries(expected)) {
    const a = actual[t];
    if (!a) continue;
    if (names(e.columns) !== names(a.columns)) out.push(`${t} columns: model [${names(e.columns)}], catalog [${names(a.columns)}]`);
    for (const [c, ec] of Object.entries(e.columns)) {
      const ac = a.columns[c];
      if (!ac) continue;
      if (ec.nullable !== ac.nullable) out.push(`${t}.${c}: nullable in model ${ec.nullable}, in catalog ${ac.nullable}`);
      if (ec.type !== undefined && !(ec.type.startsWith('^') ? new RegExp(ec.type).test(ac.type) : ec.type === ac.type)) out.push(`${t}.${c}: type in model ${ec.type}, in catalog ${ac.type}`);
    }
    if (names(e.indexes) !== names(a.indexes)) out.push(`${t} indexes: model [${names(e.indexes)}], catalog [${names(a.indexes)}]`);
    for (const [i, ei] of Object.entries(e.indexes)) {
      const ai = a.indexes[i];
      if (ai && JSON.stringify(ei) !== JSON.stringify(ai)) out.push(`${t} index ${i}: model ${JSON.stringify(ei)}, catalog ${JSON.stringify(ai)}`);
    }
    const ek = Object.entries(e.constraints)
      .map(([n, k]) => `${n}:${k}`)
      .sort()
      .join(', ');
    const ak = Object.entries(a.constraints)
      .map(([n, k]) => `${n}:${k}`)
      .sort()
      .join(', ');
    if (ek !== ak) out.push(`${t} constraints: model [${ek}], catalog [${ak}]`);
  }
  return out;
}
