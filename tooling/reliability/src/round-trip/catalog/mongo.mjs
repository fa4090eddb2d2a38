import { BSON } from 'mongodb';
import { describeProperty } from './mongo-property.mjs';

const HISTORY = /^_ductape/;
const sortRows = (rows) => rows.map((r) => JSON.stringify(r)).sort();

/**
 * MongoDB (FerretDB): listCollections (with options: validator, capped) and listIndexes of every
 * collection, read with the mongodb driver. `view` has, per collection, the `$jsonSchema`
 * properties as columns (nullable = not in `required`; type = bsonType and the keywords the
 * adapter writes, see mongo-property.mjs) and every index but `_id_` (key columns in order, DESC,
 * unique, partial). Where the server holds no validator (FerretDB 1.x: the adapter records it in
 * `_ductape_schema`, not enforced), the recorded one is read instead, and `validatorAt` says so.
 * @example const cat = await mongoCatalog(client.db(name));
 */
export async function mongoCatalog(db) {
  const colls = (await db.listCollections().toArray()).map((c) => ({ name: c.name, type: c.type, options: c.options ?? {} }));
  const view = {};
  const indexes = [];
  const hasShadow = colls.some((c) => c.name === '_ductape_schema');
  const shadowDocs = hasShadow ? await db.collection('_ductape_schema').find({}).toArray() : [];
  const shadow = new Map(shadowDocs.map((d) => [d._id, d.json ? BSON.EJSON.parse(d.json, { relaxed: true }) : undefined]));
  const validators = [];
  for (const c of colls) {
    const list = await db
      .collection(c.name)
      .listIndexes()
      .toArray()
      .catch(() => []);
    for (const i of list) indexes.push({ c: c.name, name: i.name, key: i.key, unique: i.unique === true, partial: i.partialFilterExpression ?? null });
    if (HISTORY.test(c.name)) continue;
    const own = c.options.validator;
    const validator = own ?? shadow.get(c.name)?.validator;
    const columns = columnsOf(validator?.$jsonSchema);
    // Sorted by name: a dropped field's down re-adds its property last, and property order means nothing.
    validators.push({ c: c.name, at: own ? 'listCollections' : validator ? '_ductape_schema' : 'none', columns: Object.fromEntries(Object.entries(columns).sort(([a], [b]) => (a < b ? -1 : 1))) });
    const ix = {};
    for (const i of list) {
      if (i.name === '_id_') continue;
      const key = Object.entries(i.key ?? {});
      ix[i.name] = {
        unique: i.unique === true,
        columns: key.map(([k]) => k),
        desc: key.map(([, v]) => v === -1),
        partial: i.partialFilterExpression !== undefined && i.partialFilterExpression !== null,
      };
    }
    view[c.name] = { columns, indexes: ix, constraints: {}, validatorAt: own ? 'listCollections' : validator ? '_ductape_schema' : 'none' };
  }
  const mine = (r) => !HISTORY.test(r.name ?? '') && !HISTORY.test(r.c ?? '');
  return {
    dump: { colls: sortRows(colls.filter(mine)), indexes: sortRows(indexes.filter(mine)), schemaDocs: sortRows(shadowDocs.map((d) => ({ _id: d._id }))), validators: sortRows(validators) },
    view,
    leftovers: [...colls.filter(mine).map((c) => c.name), ...shadowDocs.map((d) => `_ductape_schema:${d._id}`)],
  };
}

/** `$jsonSchema` properties as catalog columns; a `required` name without a property shows as its own column. */
function columnsOf(schema) {
  const columns = {};
  if (!schema) return columns;
  const required = new Set(schema.required ?? []);
  for (const [name, p] of Object.entries(schema.properties ?? {})) columns[name] = { nullable: !required.has(name), type: describeProperty(p) };
  for (const name of required) if (!(name in (schema.properties ?? {}))) columns[name] = { nullable: false, type: 'required without a property' };
  return columns;
}
