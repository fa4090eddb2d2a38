import { type CollectionSnapshot, type ConstraintDefinition, type FieldDefinition, type IndexDefinition, type MongoOptions, canonicalJson } from '@ductape/core';
import type { Db, Document } from 'mongodb';
import { collectionSchema, mergeValidator } from './compile/collection-schema.js';
import { primaryKeyIndexName, uniqueFieldIndexName } from './compile/index-spec.js';
import type { Doc } from './compile/step.js';
import { collationOf, createOptionsOf } from './introspect/create-options.js';
import { fieldFromProperty } from './introspect/field-from-property.js';
import { readConstraints, readShadow } from './shadow-schema.js';

/**
 * A collection as core describes it, from listCollections (options, validator) and listIndexes:
 * fields from the `$jsonSchema` properties, `<coll>_pkey` and `<coll>_<field>_key` read back as
 * primaryKey and unique, unique indexes recorded by addConstraint as constraints, every other
 * index as an IndexDefinition. Compiling createCollection
 * from the snapshot recreates the same validator and indexes, so drops get complete downs.
 * @example const snapshot = await introspectCollection(driver.db, 'users');
 */
export async function introspectCollection(db: Db, name: string): Promise<CollectionSnapshot | undefined> {
  const [info] = await db.listCollections({ name }).toArray();
  if (!info || (info as { type?: string }).type === 'view') return undefined;
  const serverOptions = ((info as { options?: Document }).options ?? {}) as Document;
  // A server without validators: the validator recorded by policy 'warn' in _ductape_schema.
  const options = serverOptions.validator ? serverOptions : { ...serverOptions, ...(await readShadow(db, name)) };
  const validator = options.validator as Doc | undefined;
  const schema = (validator?.$jsonSchema ?? {}) as { required?: string[]; properties?: Record<string, Doc> };
  const required = new Set(schema.required ?? []);
  let fields: FieldDefinition[] = Object.entries(schema.properties ?? {}).map(([n, p]) => fieldFromProperty(n, p, required.has(n)));
  const indexes: IndexDefinition[] = [];
  const recorded = await readConstraints(db, name);
  const constraints: ConstraintDefinition[] = [];
  let pk: string[] | undefined;
  for (const ix of await db.collection(name).listIndexes().toArray()) {
    const keys = Object.keys(ix.key as Document);
    if (ix.name === '_id_') continue;
    const constraint = recorded.find((c) => c.name === ix.name);
    if (constraint) constraints.push(constraint);
    else if (ix.name === primaryKeyIndexName(name) && ix.unique) pk = keys;
    else if (keys.length === 1 && keys[0] && ix.name === uniqueFieldIndexName(name, keys[0]) && ix.unique && fields.some((f) => f.name === keys[0])) {
      fields = fields.map((f) => (f.name === keys[0] ? { ...f, unique: true } : f));
    } else indexes.push(indexDefinition(ix));
  }
  const pkFields = pk ?? (fields.some((f) => f.name === '_id') ? ['_id'] : []);
  fields = fields.map((f) => (pkFields.includes(f.name) ? withoutRequired({ ...f, primaryKey: true }) : f));
  const mongoOptions = snapshotOptions(options, fields);
  // `constraints` is always an array, [] included: _ductape_schema says which constraints exist, and
  // core's resolution only tracks constraints added later in a migration (a drop's recorded
  // definition, reliability finding 16) when the snapshot reports them.
  return { name, fields, indexes, constraints, ...(mongoOptions ? { options: { mongoOptions } } : {}) };
}

// A primary key is not null by itself; `required` would only repeat it.
function withoutRequired(f: FieldDefinition): FieldDefinition {
  const { required: _r, ...rest } = f;
  return rest;
}

function indexDefinition(ix: Document): IndexDefinition {
  const entries = Object.entries(ix.key as Document);
  const using = entries.find(([, v]) => typeof v === 'string')?.[1] as string | undefined;
  return {
    name: String(ix.name),
    fields: entries.map(([n, v]) => (v === -1 ? { name: n, order: 'DESC' as const } : { name: n })),
    ...(ix.unique ? { unique: true } : {}),
    ...(ix.partialFilterExpression ? { where: ix.partialFilterExpression as Doc } : {}),
    ...(typeof ix.expireAfterSeconds === 'number' ? { expireAfterSeconds: ix.expireAfterSeconds } : {}),
    ...(using ? { using } : {}),
    ...(collationOf(ix.collation) ? { collation: collationOf(ix.collation) } : {}),
  };
}

// Only what the fields do not already say: a validator beyond the generated one, non-default levels, capping,
// and the collation, time series and clustered index the collection was created with.
function snapshotOptions(o: Document, fields: readonly FieldDefinition[]): MongoOptions | undefined {
  const v = o.validator as Doc | undefined;
  const generated = fields.length > 0 ? mergeValidator(collectionSchema(fields), undefined) : {};
  const m: Record<string, unknown> = {
    ...(o.capped ? { capped: true, ...(o.size !== undefined ? { size: o.size } : {}), ...(o.max !== undefined ? { max: o.max } : {}) } : {}),
    ...(v && Object.keys(v).length > 0 && canonicalJson(v) !== canonicalJson(generated) ? { validator: v } : {}),
    ...(o.validationLevel && o.validationLevel !== 'strict' ? { validationLevel: o.validationLevel } : {}),
    ...(o.validationAction && o.validationAction !== 'error' ? { validationAction: o.validationAction } : {}),
    ...createOptionsOf(o),
  };
  return Object.keys(m).length > 0 ? (m as MongoOptions) : undefined;
}
