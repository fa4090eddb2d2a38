import { type FieldDefinition, type FieldReplay, type HistoryEntry, operationModule } from '@ductape/sdk';

/** What the history says a collection looks like: its fields, or `dropped`. */
export type ExpectedCollection = { readonly dropped: true } | { readonly dropped: false; readonly fields: Map<string, FieldDefinition> };

/** The expected schema of every collection the applied migrations touch, and what could not be followed. */
export interface ExpectedSchema {
  readonly collections: Map<string, ExpectedCollection>;
  /** Tags of applied migrations with raw operations (their effect is not modelled). */
  readonly rawIn: string[];
}

/**
 * Replays the up operations of the applied migrations, in history order, on an empty model
 * (each operation's own `replayFields`, core's `src/ops/<op>.ts`): createCollection/dropCollection,
 * renameCollection and the field operations. Indexes and constraints are left out.
 * @example expectedSchema(await engine.getHistory()).collections.get('users')
 */
export function expectedSchema(history: readonly HistoryEntry[]): ExpectedSchema {
  const collections = new Map<string, ExpectedCollection>();
  const rawIn: string[] = [];
  let tag = '';
  const model: FieldReplay = {
    create: (name, fields) => void collections.set(name, { dropped: false, fields: new Map(fields.map((f) => [f.name, f])) }),
    drop: (name) => void collections.set(name, { dropped: true }),
    rename(from, to) {
      const c = collections.get(from);
      collections.set(from, { dropped: true });
      collections.set(to, c && !c.dropped ? c : { dropped: false, fields: new Map() });
    },
    fields(name) {
      const c = collections.get(name);
      if (c && !c.dropped) return c.fields;
      const fields = new Map<string, FieldDefinition>();
      collections.set(name, { dropped: false, fields });
      return fields;
    },
    raw: () => {
      if (!rawIn.includes(tag)) rawIn.push(tag);
    },
  };
  for (const e of history) {
    if (e.status !== 'applied' || e.direction !== 'up') continue;
    tag = e.tag;
    for (const op of e.migration.up) operationModule(op)?.replayFields(op, model);
  }
  return { collections, rawIn };
}
