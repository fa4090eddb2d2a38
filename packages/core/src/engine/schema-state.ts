import type { Adapter } from '../adapter/adapter.js';
import type { CollectionSnapshot, Operation, RenameCollectionOp, RenameFieldOp } from '../model/operation.js';
import type { SchemaCopy } from '../ops/operation-module.js';
import { operationModule } from '../ops/registry.js';

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
  /** Live collections read ahead (readLive), by their name in the database: what introspect would return now. */
  readonly #read = new Map<string, CollectionSnapshot | null>();
  /** Table and column renames applied so far: a collection read later still names the old ones in its foreign keys. */
  readonly #moves: (RenameCollectionOp | RenameFieldOp)[] = [];
  /** Current name → the live table it is (null: none, it was created, or its name was moved or dropped in this run). */
  readonly #origin = new Map<string, string | null>();
  #blind = false;

  /** `read`: live collections already read (readLive) before any change of the run, by name; the others are read when first needed. */
  constructor(adapter: Adapter, read?: ReadonlyMap<string, CollectionSnapshot | undefined>) {
    this.#adapter = adapter;
    for (const [name, c] of read ?? []) this.#read.set(name, c ?? null);
  }

  /**
   * Reads ahead, in one `readLive` where the adapter has it, the live collections that `names`
   * (names at this point of the run) stand for and that are not read yet. Nothing without readLive.
   */
  async prefetch(names: Iterable<string>): Promise<void> {
    if (!this.#adapter.readLive || this.#blind) return;
    const wanted = new Set<string>();
    for (const name of names) {
      const live = this.#known.has(name) ? null : this.liveName(name);
      if (live !== null && !this.#read.has(live)) wanted.add(live);
    }
    if (wanted.size === 0) return;
    const read = await this.#adapter.readLive([...wanted]);
    for (const name of wanted) this.#read.set(name, read.collections.get(name) ?? null);
  }

  /** True after a raw op: what follows cannot be read from the database before it runs. */
  get blind(): boolean {
    return this.#blind;
  }

  /** The collection as it will be at this point of the run; null when it will not exist. */
  async load(name: string): Promise<CollectionSnapshot | null> {
    const known = this.#known.get(name);
    if (known !== undefined) return known;
    const live = this.liveName(name);
    const read = live === null ? null : this.#read.has(live) ? (this.#read.get(live) ?? null) : ((await this.#adapter.introspect(live)) ?? null);
    const snapshot = read && this.#moves.reduce(followMove, read);
    this.#known.set(name, snapshot);
    return snapshot;
  }

  /** The name the collection called `name` at this point of the run has in the database now (null: none). */
  liveName(name: string): string | null {
    return this.#origin.has(name) ? (this.#origin.get(name) ?? null) : name;
  }

  /** The name at this point of the run of the live collection `live` (undefined: dropped, or not there). */
  currentName(live: string): string | undefined {
    for (const [name, origin] of this.#origin) if (origin === live) return name;
    return this.#origin.has(live) ? undefined : live;
  }

  /** The collections read or created so far that exist at this point of the run. */
  loadedCollections(): string[] {
    return [...this.#known].filter(([, c]) => c !== null).map(([name]) => name);
  }

  /** Applies `op` to the copy (collections it touches must have been loaded; each op's own `applyToCopy`, `src/ops/<op>.ts`). */
  apply(op: Operation): void {
    operationModule(op)?.applyToCopy(op, this.#copy);
  }

  /** What the ops change the copy through. */
  readonly #copy: SchemaCopy = {
    forget: () => {
      this.#blind = true;
      this.#known.clear();
    },
    replace: (name, c) => {
      this.#origin.set(name, null);
      this.#known.set(name, c);
    },
    renameCollection: (op) => {
      const c = this.#known.get(op.from);
      this.#origin.set(op.to, this.liveName(op.from));
      this.#origin.set(op.from, null);
      this.#known.set(op.from, null);
      this.#known.set(op.to, c ? { ...c, name: op.to } : null);
      this.#move(op);
    },
    update: (name, change) => {
      const c = this.#known.get(name);
      if (c) this.#known.set(c.name, change(c));
    },
    moveField: (op) => this.#move(op),
  };

  /** Foreign keys point at the table and column, not their names: every one known follows the move. */
  #move(op: RenameCollectionOp | RenameFieldOp): void {
    this.#moves.push(op);
    for (const [name, c] of this.#known) if (c) this.#known.set(name, followMove(c, op));
  }
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

/**
 * The collections the ops of a migration read, up to its first raw op (after it nothing is read):
 * what `resolveMigration` loads, for reading them ahead in one go.
 * @example touchedBefore([{ type: 'addField', collection: 'users', field }]) // ['users']
 */
export function touchedBefore(ops: readonly Operation[]): string[] {
  const names = new Set<string>();
  for (const op of ops) {
    if (op.type === 'raw') break;
    for (const name of touchedCollections(op)) names.add(name);
  }
  return [...names];
}

/**
 * The collections an op reads or changes (for loading them before it is applied; each op's own
 * `touches`, `src/ops/<op>.ts`).
 * @example touchedCollections({ type: 'renameCollection', from: 'a', to: 'b' }) // ['a', 'b']
 */
export function touchedCollections(op: Operation): string[] {
  return operationModule(op)?.touches(op) ?? [(op as { collection: string }).collection];
}
