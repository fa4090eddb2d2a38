import { type CollectionSnapshot, type ConstraintDefinition, type Operation, type RenameCollectionOp, type RenameFieldOp, type SchemaCopy, operationModule, uniqueKeyName } from '@ductape/sdk';

/**
 * The indexes and constraints the applied migrations leave on each collection, replayed through
 * each operation's own `applyToCopy` (core's `src/ops/<op>.ts`, the same one the engine resolves
 * a run with), on a lenient copy: an op on a collection it has not seen starts an empty one, and
 * a raw op changes nothing (drift names it as out of scope instead). It also remembers which
 * migration made each index and constraint, for the drift line's "created by".
 * @example const keys = new KeyReplay(); keys.apply(op, '20261201_120000_x'); keys.collection('users')?.indexes
 */
export class KeyReplay {
  readonly #collections = new Map<string, CollectionSnapshot | null>();
  /** collection → (`index:<name>` | `constraint:<name>`) → tag of the migration that made it. */
  readonly #madeBy = new Map<string, Map<string, string>>();

  /** Applies `op` of the migration `tag`. */
  apply(op: Operation, tag: string): void {
    const module = operationModule(op);
    if (!module) return;
    if (op.type === 'renameCollection') this.#madeBy.set(op.to, this.#madeBy.get(op.from) ?? new Map());
    module.applyToCopy(op as never, this.#copy);
    if (op.type === 'dropField') this.#update(op.collection, (c) => withoutColumn(c, op.field));
    for (const name of module.touches(op as never)) this.#stamp(name, tag);
  }

  /** The collection as the history leaves it (undefined: never seen; null: dropped). */
  collection(name: string): CollectionSnapshot | null | undefined {
    return this.#collections.get(name);
  }

  /** The tag of the migration that made `key` (`index:<name>` or `constraint:<name>`) on `collection`. */
  madeBy(collection: string, key: string): string | undefined {
    return this.#madeBy.get(collection)?.get(key);
  }

  readonly #copy: SchemaCopy = {
    forget: () => {},
    replace: (name, c) => void this.#collections.set(name, c),
    renameCollection: (op) => {
      const c = this.#collections.get(op.from);
      this.#collections.set(op.from, null);
      this.#collections.set(op.to, { ...(c ?? empty(op.to)), name: op.to });
      this.#follow(op);
    },
    update: (name, change) => this.#update(name, change),
    moveField: (op) => this.#follow(op),
  };

  #update(name: string, change: (c: CollectionSnapshot) => CollectionSnapshot): void {
    this.#collections.set(name, change(this.#collections.get(name) ?? empty(name)));
  }

  /** Foreign keys point at a table and its columns, not at their names: every one follows a rename. */
  #follow(move: RenameCollectionOp | RenameFieldOp): void {
    for (const [name, c] of this.#collections) if (c) this.#collections.set(name, followMove(c, move));
  }

  /** Records `tag` for the keys of `name` that were not there before; forgets the ones gone. */
  #stamp(name: string, tag: string): void {
    const c = this.#collections.get(name);
    const keys = new Set(c ? keyNames(c) : []);
    const made = this.#madeBy.get(name) ?? new Map<string, string>();
    for (const k of [...made.keys()]) if (!keys.has(k)) made.delete(k);
    for (const k of keys) if (!made.has(k)) made.set(k, tag);
    this.#madeBy.set(name, made);
  }
}

function empty(name: string): CollectionSnapshot {
  return { name, fields: [], indexes: [], constraints: [] };
}

/** The keys of `c` by which drift names them, a field's own unique key included (`<table>_<column>_key`). */
function keyNames(c: CollectionSnapshot): string[] {
  return [
    ...(c.indexes ?? []).map((i) => `index:${i.name}`),
    ...(c.constraints ?? []).map((k) => `constraint:${k.name}`),
    ...c.fields.filter((f) => f.unique === true).map((f) => `constraint:${uniqueKeyName(c.name, f.name)}`),
  ];
}

/**
 * `c` without what a database drops with its column `field` (indexes on it, unique keys and
 * foreign keys of it). The engine records explicit drops of these before a dropField; this
 * covers histories written before it did.
 */
function withoutColumn(c: CollectionSnapshot, field: string): CollectionSnapshot {
  const onColumn = (columns: readonly string[]) => columns.includes(field);
  return {
    ...c,
    indexes: (c.indexes ?? []).filter((i) => !onColumn(i.fields.map((f) => f.name))),
    constraints: (c.constraints ?? []).filter((k: ConstraintDefinition) => k.type === 'check' || !onColumn(k.columns)),
  };
}

/** `c` with its foreign keys pointing where they point after `move`. */
function followMove(c: CollectionSnapshot, move: RenameCollectionOp | RenameFieldOp): CollectionSnapshot {
  const target = move.type === 'renameCollection' ? move.from : move.collection;
  if (!c.constraints?.some((k) => k.type === 'foreignKey' && k.references.table === target)) return c;
  const constraints = c.constraints.map((k) => {
    if (k.type !== 'foreignKey' || k.references.table !== target) return k;
    if (move.type === 'renameCollection') return { ...k, references: { ...k.references, table: move.to } };
    return { ...k, references: { ...k.references, columns: k.references.columns.map((x) => (x === move.from ? move.to : x)) } };
  });
  return { ...c, constraints };
}
