import type { Adapter } from '../adapter/adapter.js';
import type { ValidationIssue } from '../errors/errors.js';
import type { DropCollectionOp, DropConstraintOp, DropFieldOp } from '../model/operation.js';
import type { SchemaState } from './schema-state.js';

/**
 * The explicit drops a dropCollection needs first: every foreign key of another collection that
 * references it, as it will be at this point of the run (keys added earlier in the migration
 * included, keys it already dropped left out), each with its definition so the down restores it.
 * A cascade would drop them silently; without cascade the database would refuse the drop after
 * earlier steps ran, so that is refused here, before any change. Adapters that cannot list such
 * keys (no `referencingKeys`) get no explicit drops: their databases have no foreign keys.
 * @example const drops = await referencingDrops(adapter, state, { type: 'dropCollection', name: 'users', cascade: true }, 'up[0]', issues);
 */
export async function referencingDrops(adapter: Adapter, state: SchemaState, op: DropCollectionOp, path: string, issues: ValidationIssue[]): Promise<DropConstraintOp[]> {
  if (!adapter.referencingKeys) return [];
  // The database knows the table and the tables that reference it by the names they have now.
  const liveName = state.liveName(op.name);
  const live = liveName === null ? [] : await adapter.referencingKeys(liveName);
  const current = live.map((k) => state.currentName(k.collection)).filter((n): n is string => n !== undefined);
  const names = new Set([...current, ...state.loadedCollections()]);
  names.delete(op.name);
  const drops: DropConstraintOp[] = [];
  for (const name of [...names].sort()) {
    const c = await state.load(name);
    for (const k of c?.constraints ?? []) {
      if (k.type === 'foreignKey' && k.references.table === op.name) drops.push({ type: 'dropConstraint', collection: name, name: k.name, previous: k });
    }
  }
  if (drops.length === 0 || op.cascade) return drops;
  const list = drops.map((d) => `${d.collection}.${d.name}`).join(', ');
  issues.push({
    code: 'referenced',
    path,
    message: `dropCollection: "${op.name}" is referenced by foreign key ${list}; drop ${drops.length === 1 ? 'it' : 'them'} first (dropConstraint), or pass { cascade: true } to drop ${drops.length === 1 ? 'it' : 'them'} with the collection (the down restores ${drops.length === 1 ? 'it' : 'them'})`,
  });
  return [];
}

/**
 * The explicit drops a dropField with `cascade: true` needs first: every foreign key of another
 * collection that references the field, as it will be at this point of the run, each with its
 * definition so the down restores it. The database would refuse the column drop while they exist
 * (MySQL/MariaDB errno 1829, PostgreSQL without CASCADE), after earlier steps ran; without cascade
 * that is refused here (issue `referenced`, naming the keys), before any change, as for
 * dropCollection. Keys of the collection itself are the dropField's own dependents (resolve.ts).
 * @example const drops = await referencingFieldDrops(adapter, state, { type: 'dropField', collection: 'users', field: 'id', cascade: true }, 'up[0]', issues);
 */
export async function referencingFieldDrops(adapter: Adapter, state: SchemaState, op: DropFieldOp, path: string, issues: ValidationIssue[]): Promise<DropConstraintOp[]> {
  if (!adapter.referencingKeys) return [];
  const liveName = state.liveName(op.collection);
  const live = liveName === null ? [] : await adapter.referencingKeys(liveName);
  const current = live.map((k) => state.currentName(k.collection)).filter((n): n is string => n !== undefined);
  const names = new Set([...current, ...state.loadedCollections()]);
  names.delete(op.collection);
  const drops: DropConstraintOp[] = [];
  for (const name of [...names].sort()) {
    const c = await state.load(name);
    for (const k of c?.constraints ?? []) {
      if (k.type === 'foreignKey' && k.references.table === op.collection && k.references.columns.includes(op.field))
        drops.push({ type: 'dropConstraint', collection: name, name: k.name, previous: k });
    }
  }
  if (drops.length === 0 || op.cascade) return drops;
  const list = drops.map((d) => `${d.collection}.${d.name}`).join(', ');
  const them = drops.length === 1 ? 'it' : 'them';
  issues.push({
    code: 'referenced',
    path,
    message: `dropField: "${op.collection}.${op.field}" is referenced by foreign key ${list}; drop ${them} first (dropConstraint), or pass { cascade: true } to drop ${them} with the field (the down restores ${them})`,
  });
  return [];
}
