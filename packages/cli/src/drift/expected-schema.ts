import { type FieldDefinition, type HistoryEntry, applyChanges } from '@ductape/sdk';

/** What the history says a collection looks like: its fields, or `dropped`. */
export type ExpectedCollection = { readonly dropped: true } | { readonly dropped: false; readonly fields: Map<string, FieldDefinition> };

/** The expected schema of every collection the applied migrations touch, and what could not be followed. */
export interface ExpectedSchema {
  readonly collections: Map<string, ExpectedCollection>;
  /** Tags of applied migrations with raw operations (their effect is not modelled). */
  readonly rawIn: string[];
}

/**
 * Replays the up operations of the applied migrations, in history order, on an empty model:
 * createCollection/dropCollection and the field operations. Indexes and constraints are left out.
 * @example expectedSchema(await engine.getHistory()).collections.get('users')
 */
export function expectedSchema(history: readonly HistoryEntry[]): ExpectedSchema {
  const collections = new Map<string, ExpectedCollection>();
  const rawIn: string[] = [];
  const fieldsOf = (name: string): Map<string, FieldDefinition> => {
    const c = collections.get(name);
    if (c && !c.dropped) return c.fields;
    const fields = new Map<string, FieldDefinition>();
    collections.set(name, { dropped: false, fields });
    return fields;
  };
  for (const e of history) {
    if (e.status !== 'applied' || e.direction !== 'up') continue;
    for (const op of e.migration.up) {
      switch (op.type) {
        case 'createCollection':
          collections.set(op.name, { dropped: false, fields: new Map(op.fields.map((f) => [f.name, f])) });
          break;
        case 'dropCollection':
          collections.set(op.name, { dropped: true });
          break;
        case 'renameCollection': {
          const c = collections.get(op.from);
          collections.set(op.from, { dropped: true });
          collections.set(op.to, c && !c.dropped ? c : { dropped: false, fields: new Map() });
          break;
        }
        case 'addField':
          fieldsOf(op.collection).set(op.field.name, op.field);
          break;
        case 'dropField':
          fieldsOf(op.collection).delete(op.field);
          break;
        case 'renameField': {
          const fields = fieldsOf(op.collection);
          const f = fields.get(op.from);
          fields.delete(op.from);
          if (f) fields.set(op.to, { ...f, name: op.to });
          break;
        }
        case 'modifyField': {
          const fields = fieldsOf(op.collection);
          const f = fields.get(op.field) ?? op.previous;
          if (f) fields.set(op.field, applyChanges(f, op.changes));
          break;
        }
        case 'raw':
          if (!rawIn.includes(e.tag)) rawIn.push(e.tag);
          break;
        default:
          break;
      }
    }
  }
  return { collections, rawIn };
}
