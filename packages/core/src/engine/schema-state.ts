import type { Adapter } from '../adapter/adapter.js';
import type { IndexDefinition } from '../model/index-definition.js';
import type { CollectionSnapshot, Operation } from '../model/operation.js';
import { applyChanges } from '../ops/inverse.js';

/**
 * What the schema will look like at each op of a run, read lazily: a collection is introspected
 * the first time an op touches it, then every op is applied to the copy. Introspection is read
 * only, so resolving a migration changes nothing. After a raw op the copy cannot be trusted
 * (`blind`), since raw text is not modelled.
 * @example const s = new SchemaState(adapter); await s.load('users'); s.apply(op);
 */
export class SchemaState {
  readonly #adapter: Adapter;
  readonly #known = new Map<string, CollectionSnapshot | null>();
  #blind = false;

  constructor(adapter: Adapter) {
    this.#adapter = adapter;
  }

  /** True after a raw op: what follows cannot be read from the database before it runs. */
  get blind(): boolean {
    return this.#blind;
  }

  /** The collection as it will be at this point of the run; null when it will not exist. */
  async load(name: string): Promise<CollectionSnapshot | null> {
    const known = this.#known.get(name);
    if (known !== undefined) return known;
    const snapshot = (await this.#adapter.introspect(name)) ?? null;
    this.#known.set(name, snapshot);
    return snapshot;
  }

  /** The collections read or created so far that exist at this point of the run. */
  loadedCollections(): string[] {
    return [...this.#known].filter(([, c]) => c !== null).map(([name]) => name);
  }

  /** Applies `op` to the copy (collections it touches must have been loaded). */
  apply(op: Operation): void {
    switch (op.type) {
      case 'raw':
        this.#blind = true;
        this.#known.clear();
        return;
      case 'createCollection':
        if (op.existed) return;
        return void this.#known.set(op.name, { name: op.name, fields: op.fields, indexes: op.indexes ?? [], constraints: op.constraints ?? [], ...(op.options ? { options: op.options } : {}) });
      case 'dropCollection':
        return void this.#known.set(op.name, null);
      case 'renameCollection': {
        const c = this.#known.get(op.from);
        this.#known.set(op.from, null);
        this.#known.set(op.to, c ? { ...c, name: op.to } : null);
        // Foreign keys point at the table, not its name: they follow it.
        for (const [name, other] of this.#known) {
          if (other?.constraints?.some((k) => k.type === 'foreignKey' && k.references.table === op.from)) {
            const constraints = other.constraints.map((k) => (k.type === 'foreignKey' && k.references.table === op.from ? { ...k, references: { ...k.references, table: op.to } } : k));
            this.#known.set(name, { ...other, constraints });
          }
        }
        return;
      }
      default:
        return this.#update(op);
    }
  }

  #update(op: Exclude<Operation, { type: 'raw' | 'createCollection' | 'dropCollection' | 'renameCollection' }>): void {
    const c = this.#known.get(op.collection);
    if (!c) return;
    const fields = c.fields;
    const indexes = c.indexes;
    const constraints = c.constraints;
    let next: CollectionSnapshot;
    switch (op.type) {
      case 'addField':
        next = { ...c, fields: [...fields.filter((f) => f.name !== op.field.name), op.field] };
        break;
      case 'dropField':
        next = { ...c, fields: fields.filter((f) => f.name !== op.field) };
        break;
      case 'renameField': {
        // Indexes and key constraints follow a renamed column, as they do in the database.
        const rename = (name: string) => (name === op.from ? op.to : name);
        next = {
          ...c,
          fields: fields.map((f) => (f.name === op.from ? { ...f, name: op.to } : f)),
          ...(indexes ? { indexes: indexes.map((i) => ({ ...i, fields: i.fields.map((f) => ({ ...f, name: rename(f.name) })) })) } : {}),
          ...(constraints ? { constraints: constraints.map((k) => (k.type === 'check' ? k : { ...k, columns: k.columns.map(rename) })) } : {}),
        };
        break;
      }
      case 'modifyField':
        next = { ...c, fields: fields.map((f) => (f.name === op.field ? applyChanges(f, op.changes) : f)) };
        break;
      case 'createIndex': {
        const { type: _t, collection: _c, ...index } = op;
        next = indexes ? { ...c, indexes: [...indexes, index as IndexDefinition] } : c;
        break;
      }
      case 'dropIndex':
        next = indexes ? { ...c, indexes: indexes.filter((i) => i.name !== op.name) } : c;
        break;
      case 'addConstraint':
        next = constraints ? { ...c, constraints: [...constraints, op.constraint] } : c;
        break;
      case 'dropConstraint':
        next = constraints ? { ...c, constraints: constraints.filter((k) => k.name !== op.name) } : c;
        break;
    }
    this.#known.set(c.name, next);
  }
}

/**
 * The collections an op reads or changes (for loading them before it is applied).
 * @example touchedCollections({ type: 'renameCollection', from: 'a', to: 'b' }) // ['a', 'b']
 */
export function touchedCollections(op: Operation): string[] {
  switch (op.type) {
    case 'raw':
      return [];
    case 'createCollection':
    case 'dropCollection':
      return [op.name];
    case 'renameCollection':
      return [op.from, op.to];
    default:
      return [op.collection];
  }
}
