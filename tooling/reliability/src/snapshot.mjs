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

function normalise(snapshot) {
  if (!snapshot) return null;
  const byName = (a, b) => (String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0);
  return {
    ...snapshot,
    fields: [...(snapshot.fields ?? [])].sort(byName),
    ...(snapshot.indexes ? { indexes: [...snapshot.indexes].sort(byName) } : {}),
    ...(snapshot.constraints ? { constraints: [...snapshot.constraints].sort(byName) } : {}),
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
