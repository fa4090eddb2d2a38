import type { Operation, ValidationIssue } from '@ductape/core';
import type { IndexEvent, IndexKey } from './index-events.js';
import { primaryKeyIndexName, uniqueFieldIndexName } from './index-spec.js';

const ID_INDEX: IndexKey = { name: '_id_', key: [['_id', 1]] };

/**
 * The index events of `ops` (the `direction` names the paths: `up[2]`). A raw op makes what
 * follows unknowable (`blind`). Key values are what createIndexes gets: 1, -1 or the index type.
 * @example indexEvents([{ type: 'createIndex', collection: 'e', name: 'ix', fields: [{ name: 'a' }] }], 'up') // [{ kind: 'add', … }]
 */
export function indexEvents(ops: readonly Operation[], direction: 'up' | 'down'): IndexEvent[] {
  const events: IndexEvent[] = [];
  const keyOf = (names: readonly string[]) => names.map((n) => [n, 1] as const);
  ops.forEach((op, i) => {
    const path = `${direction}[${i}]`;
    switch (op.type) {
      case 'createCollection': {
        if (op.existed) break;
        events.push({ kind: 'create', collection: op.name });
        const pk = op.fields.filter((f) => f.primaryKey).map((f) => f.name);
        if (pk.length > 0 && !(pk.length === 1 && pk[0] === '_id')) events.push({ kind: 'add', collection: op.name, index: { name: primaryKeyIndexName(op.name), key: keyOf(pk) }, path });
        for (const f of op.fields) {
          if (f.unique && !f.primaryKey) events.push({ kind: 'add', collection: op.name, index: { name: uniqueFieldIndexName(op.name, f.name), key: keyOf([f.name]) }, path });
        }
        for (const ix of op.indexes ?? []) events.push({ kind: 'add', collection: op.name, index: { name: ix.name, key: indexKey(ix.fields, ix.using) }, path });
        for (const c of op.constraints ?? []) if (c.type !== 'check') events.push({ kind: 'add', collection: op.name, index: { name: c.name, key: keyOf(c.columns) }, path });
        break;
      }
      case 'dropCollection':
        events.push({ kind: 'drop', collection: op.name });
        break;
      case 'renameCollection':
        events.push({ kind: 'renameCollection', from: op.from, to: op.to });
        break;
      case 'addField':
        if (op.field.unique && !op.field.primaryKey)
          events.push({ kind: 'add', collection: op.collection, index: { name: uniqueFieldIndexName(op.collection, op.field.name), key: keyOf([op.field.name]) }, path });
        break;
      case 'dropField':
        events.push({ kind: 'remove', collection: op.collection, name: uniqueFieldIndexName(op.collection, op.field) });
        break;
      case 'renameField':
        events.push({ kind: 'renameField', collection: op.collection, from: op.from, to: op.to });
        break;
      case 'modifyField':
        if (op.changes.unique === true) events.push({ kind: 'add', collection: op.collection, index: { name: uniqueFieldIndexName(op.collection, op.field), key: keyOf([op.field]) }, path });
        else if ('unique' in op.changes) events.push({ kind: 'remove', collection: op.collection, name: uniqueFieldIndexName(op.collection, op.field) });
        break;
      case 'createIndex':
        events.push({ kind: 'add', collection: op.collection, index: { name: op.name, key: indexKey(op.fields, op.using) }, path });
        break;
      case 'addConstraint':
        if (op.constraint.type === 'unique' || op.constraint.type === 'primaryKey')
          events.push({ kind: 'add', collection: op.collection, index: { name: op.constraint.name, key: keyOf(op.constraint.columns) }, path });
        break;
      case 'dropIndex':
      case 'dropConstraint':
        events.push({ kind: 'remove', collection: op.collection, name: op.name });
        break;
      case 'raw':
        events.push({ kind: 'blind' });
        break;
    }
  });
  return events;
}

/**
 * Replays `events` over the indexes each collection starts with (`base`: the live ones, or, at
 * compile time, only `_id_`, which every collection has) and lists every index an op would add
 * on a key pattern another index of the collection already has. MongoDB (and FerretDB) keep one
 * index per key pattern — the same fields in the same order with the same directions or types,
 * whatever `unique` says (FerretDB and MongoDB before 5.0; MongoDB 5.0+ also tells apart unique,
 * sparse and partial filters, which Ductape does not rely on) — and answer "Index already
 * exists with a different name" at that step.
 * @example keyPatternConflicts(indexEvents(m.up, 'up'), () => undefined, 'in this migration')
 */
export function keyPatternConflicts(events: readonly IndexEvent[], base: (collection: string) => readonly IndexKey[] | undefined, where: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const state = new Map<string, { indexes: IndexKey[]; live: Set<string> }>();
  const of = (collection: string) => {
    let s = state.get(collection);
    if (!s) {
      const known = base(collection);
      s = { indexes: [...(known ?? [ID_INDEX])], live: new Set((known ?? []).map((i) => i.name)) };
      state.set(collection, s);
    }
    return s;
  };
  for (const e of events) {
    switch (e.kind) {
      case 'blind':
        return issues; // after a raw op nothing can be told before it runs
      case 'create':
        state.set(e.collection, { indexes: [ID_INDEX], live: new Set() });
        break;
      case 'drop':
        state.set(e.collection, { indexes: [], live: new Set() });
        break;
      case 'renameCollection': {
        const s = of(e.from);
        const renamed = s.indexes.map((i) => ({ ...i, name: impliedName(i, e.from, e.to) }));
        const live = s.indexes.filter((i) => s.live.has(i.name)).map((i) => impliedName(i, e.from, e.to));
        state.set(e.to, { indexes: renamed, live: new Set(live) });
        state.set(e.from, { indexes: [], live: new Set() });
        break;
      }
      case 'renameField': {
        const s = of(e.collection);
        s.indexes = s.indexes.map((i) => ({
          name: i.name === uniqueFieldIndexName(e.collection, e.from) ? uniqueFieldIndexName(e.collection, e.to) : i.name,
          key: i.key.map(([n, v]) => [n === e.from ? e.to : n, v] as const),
        }));
        break;
      }
      case 'remove': {
        const s = of(e.collection);
        s.indexes = s.indexes.filter((i) => i.name !== e.name);
        break;
      }
      case 'add': {
        const s = of(e.collection);
        const pattern = patternText(e.index.key);
        const other = s.indexes.find((i) => i.name !== e.index.name && patternText(i.key) === pattern);
        if (other) {
          const origin = s.live.has(other.name) ? `which "${e.collection}" already has (${where})` : 'created earlier in this migration';
          issues.push({
            code: 'duplicate_key_pattern',
            path: e.path,
            message: `index "${e.index.name}" on "${e.collection}" has the key pattern ${pattern} of index "${other.name}", ${origin}; MongoDB keeps one index per key pattern and would refuse it at this step after the earlier steps ran. Use "${other.name}" instead (remove this operation), or drop "${other.name}" earlier in the same migration`,
          });
        }
        s.indexes = [...s.indexes.filter((i) => i.name !== e.index.name), e.index];
        break;
      }
    }
  }
  return issues;
}

/**
 * The key pattern as MongoDB prints it: `{ a: 1, b: -1 }`.
 * @example patternText([['a', 1], ['b', -1]]) // '{ a: 1, b: -1 }'
 */
export function patternText(key: IndexKey['key']): string {
  return `{ ${key.map(([n, v]) => `${JSON.stringify(n)}: ${JSON.stringify(v)}`).join(', ')} }`;
}

// The key document createIndexes gets for these fields (see indexSpec).
function indexKey(fields: ReadonlyArray<{ readonly name: string; readonly order?: 'ASC' | 'DESC' }>, using: string | undefined): IndexKey['key'] {
  const typed = using !== undefined && using !== 'btree';
  return fields.map((f) => [f.name, typed ? using : f.order === 'DESC' ? -1 : 1] as const);
}

// renameCollection rebuilds <from>_pkey and <from>_<field>_key as <to>_… (see renameImpliedIndexes).
function impliedName(index: IndexKey, from: string, to: string): string {
  const only = index.key.length === 1 ? index.key[0]?.[0] : undefined;
  if (index.name === primaryKeyIndexName(from)) return primaryKeyIndexName(to);
  if (only !== undefined && index.name === uniqueFieldIndexName(from, only)) return uniqueFieldIndexName(to, only);
  return index.name;
}
