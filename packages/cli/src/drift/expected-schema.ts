import { type ConstraintDefinition, type FieldDefinition, type FieldReplay, type HistoryEntry, type IndexDefinition, operationModule } from '@ductape/sdk';
import { KeyReplay } from './key-replay.js';

/** What the history says a live collection looks like. */
export interface ExpectedLive {
  readonly dropped: false;
  readonly fields: Map<string, FieldDefinition>;
  /** Its indexes (on DynamoDB, with the global secondary indexes its createCollection declared). */
  readonly indexes: readonly IndexDefinition[];
  /** Its named constraints (a field's `unique: true` stays on the field). */
  readonly constraints: readonly ConstraintDefinition[];
  /** The tag of the migration that made an index or constraint (`index:<name>`, `constraint:<name>`). */
  readonly madeBy: (key: string) => string | undefined;
}

/** What the history says a collection looks like: its fields, indexes and constraints, or `dropped`. */
export type ExpectedCollection = { readonly dropped: true } | ExpectedLive;

/** The expected schema of every collection the applied migrations touch, and what could not be followed. */
export interface ExpectedSchema {
  readonly collections: Map<string, ExpectedCollection>;
  /** Tags of applied migrations with raw operations (their effect is not modelled: out of scope). */
  readonly rawIn: string[];
}

/**
 * Replays the up operations of the applied migrations, in history order, on an empty model,
 * through each operation's own module (core's `src/ops/<op>.ts`): the fields with `replayFields`
 * (createCollection/dropCollection, renameCollection and the field operations), the indexes and
 * constraints with `applyToCopy` (see KeyReplay). `database`: the adapter's name; on 'dynamodb' a
 * createCollection's `dynamoOptions.globalSecondaryIndexes` are indexes too, as the adapter
 * creates them.
 * @example expectedSchema(await engine.getHistory()).collections.get('users')
 */
export function expectedSchema(history: readonly HistoryEntry[], database?: string): ExpectedSchema {
  const fieldsOf = new Map<string, { dropped: true } | { dropped: false; fields: Map<string, FieldDefinition> }>();
  const keys = new KeyReplay();
  const rawIn: string[] = [];
  let tag = '';
  const model: FieldReplay = {
    create: (name, fields) => void fieldsOf.set(name, { dropped: false, fields: new Map(fields.map((f) => [f.name, f])) }),
    drop: (name) => void fieldsOf.set(name, { dropped: true }),
    rename(from, to) {
      const c = fieldsOf.get(from);
      fieldsOf.set(from, { dropped: true });
      fieldsOf.set(to, c && !c.dropped ? c : { dropped: false, fields: new Map() });
    },
    fields(name) {
      const c = fieldsOf.get(name);
      if (c && !c.dropped) return c.fields;
      const fields = new Map<string, FieldDefinition>();
      fieldsOf.set(name, { dropped: false, fields });
      return fields;
    },
    raw: () => {
      if (!rawIn.includes(tag)) rawIn.push(tag);
    },
  };
  for (const e of history) {
    if (e.status !== 'applied' || e.direction !== 'up') continue;
    tag = e.tag;
    for (const op of e.migration.up) {
      operationModule(op)?.replayFields(op, model);
      keys.apply(op.type === 'createCollection' && database === 'dynamodb' ? withDeclaredGsis(op) : op, tag);
    }
  }
  const collections = new Map<string, ExpectedCollection>();
  for (const [name, c] of fieldsOf) {
    if (c.dropped) collections.set(name, c);
    else {
      const k = keys.collection(name);
      collections.set(name, { dropped: false, fields: c.fields, indexes: k?.indexes ?? [], constraints: k?.constraints ?? [], madeBy: (key) => keys.madeBy(name, key) });
    }
  }
  return { collections, rawIn };
}

/** A DynamoDB createCollection with the GSIs of its dynamoOptions as `indexes` (what the adapter creates when it has none). */
function withDeclaredGsis<O extends { readonly type: 'createCollection'; readonly indexes?: readonly IndexDefinition[]; readonly options?: { readonly dynamoOptions?: unknown } }>(op: O): O {
  const gsis = (op.options?.dynamoOptions as { globalSecondaryIndexes?: { name: string; partitionKey?: { name: string }; sortKey?: { name: string } }[] } | undefined)?.globalSecondaryIndexes;
  if (op.indexes !== undefined || !gsis) return op;
  return { ...op, indexes: gsis.map((g) => ({ name: g.name, fields: [g.partitionKey, g.sortKey].flatMap((k) => (k ? [{ name: k.name }] : [])) })) };
}
