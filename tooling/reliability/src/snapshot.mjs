import { canonicalJson } from '@ductape/core';

/**
 * The schema of `tables` as introspected, normalised for comparison: fields, indexes and
 * constraints sorted by name (column order is not part of the contract: PostgreSQL appends a
 * re-added column), missing tables as null. Returns canonical JSON.
 * @example const before = await schemaOf(adapter, ['users']); // '{"users":{...}}'
 * @param {import('@ductape/core').Adapter} adapter
 * @param {readonly string[]} tables
 */
export async function schemaOf(adapter, tables) {
  const out = {};
  for (const t of [...new Set(tables)].sort()) out[t] = normalise(await adapter.introspect(t));
  return canonicalJson(out);
}

/**
 * One introspected collection with the lists whose order means nothing sorted by name: fields,
 * indexes, constraints, and index lists under `options` (DynamoDB's secondary indexes). The
 * fields of an index keep their order.
 * @example normalise({ name: 't', fields: [{ name: 'b' }, { name: 'a' }] }).fields[0].name // 'a'
 * @param {import('@ductape/core').CollectionSnapshot | undefined} snapshot
 */
export function normalise(snapshot) {
  if (!snapshot) return null;
  const byName = (a, b) => (String(a?.name) < String(b?.name) ? -1 : String(a?.name) > String(b?.name) ? 1 : 0);
  const options = snapshot.options ? { ...snapshot.options } : undefined;
  if (options) for (const [k, v] of Object.entries(options)) if (Array.isArray(v) && /indexes$/i.test(k)) options[k] = [...v].sort(byName);
  return {
    ...snapshot,
    fields: [...(snapshot.fields ?? [])].sort(byName),
    ...(snapshot.indexes ? { indexes: [...snapshot.indexes].sort(byName) } : {}),
    ...(snapshot.constraints ? { constraints: [...snapshot.constraints].sort(byName) } : {}),
    ...(options ? { options } : {}),
  };
}

/**
 * History rows reduced to what must not change behind the user's back.
 * @example const h = await historyOf(engine);
 * @param {import('@ductape/core').MigrationEngine} engine
 */
export async function historyOf(engine) {
  const rows = await engine.getHistory();
  return canonicalJson(rows.map((r) => ({ name: r.name, checksum: r.checksum, status: r.status, direction: r.direction, stepsApplied: r.stepsApplied, stepsTotal: r.stepsTotal })));
}
