import { type CollectionOptions, type ConstraintDefinition, type FieldDefinition, type IndexDefinition, type Operation, applyChanges } from '@ductape/sdk';

/** What lint knows of one collection: replayed from the migration files, never read from a database. */
export interface ModelCollection {
  readonly name: string;
  readonly fields: Map<string, FieldDefinition>;
  readonly indexes: Map<string, IndexDefinition>;
  /** Constraints by name (foreign keys, unique, primary key, check). */
  readonly constraints: Map<string, ConstraintDefinition>;
  options: CollectionOptions | undefined;
}

/**
 * A lenient model of the schema the migration files build, for the rules that need to know what
 * exists at an operation (the columns an index covers, the foreign keys a drop would break). An op
 * on a collection the files never created starts an empty one (it exists outside them); nothing is
 * refused. A raw operation is not modelled (its text is not parsed), so what it changes is unknown.
 * @example const s = new SchemaModel(); s.apply(op); s.get('users')?.fields.get('email')
 */
export class SchemaModel {
  readonly #collections = new Map<string, ModelCollection>();

  /** The collection as known, or undefined when no file mentions it. */
  get(name: string): ModelCollection | undefined {
    return this.#collections.get(name);
  }

  /** Every known collection. */
  all(): ModelCollection[] {
    return [...this.#collections.values()];
  }

  /** A copy that can change without changing this one. */
  clone(): SchemaModel {
    const copy = new SchemaModel();
    for (const c of this.#collections.values()) {
      copy.#collections.set(c.name, { name: c.name, fields: new Map(c.fields), indexes: new Map(c.indexes), constraints: new Map(c.constraints), options: c.options });
    }
    return copy;
  }

  /** Applies one operation (leniently). */
  apply(op: Operation): void {
    switch (op.type) {
      case 'createCollection':
        if (op.existed) return;
        this.#collections.set(op.name, {
          name: op.name,
          fields: new Map(op.fields.map((f) => [f.name, f])),
          indexes: new Map((op.indexes ?? []).map((i) => [i.name, i])),
          constraints: new Map((op.constraints ?? []).map((k) => [k.name, k])),
          options: op.options,
        });
        return;
      case 'dropCollection':
        this.#collections.delete(op.name);
        for (const c of this.#collections.values()) for (const [name, k] of c.constraints) if (k.type === 'foreignKey' && k.references.table === op.name) c.constraints.delete(name);
        return;
      case 'renameCollection': {
        const c = this.#collections.get(op.from);
        this.#collections.delete(op.from);
        if (c) this.#collections.set(op.to, { ...c, name: op.to });
        for (const other of this.#collections.values()) {
          for (const [name, k] of other.constraints)
            if (k.type === 'foreignKey' && k.references.table === op.from) other.constraints.set(name, { ...k, references: { ...k.references, table: op.to } });
        }
        return;
      }
      case 'addField':
        this.#of(op.collection).fields.set(op.field.name, op.field);
        return;
      case 'dropField':
        this.#of(op.collection).fields.delete(op.field);
        return;
      case 'renameField': {
        const c = this.#of(op.collection);
        const f = c.fields.get(op.from) ?? op.previous;
        c.fields.delete(op.from);
        if (f) c.fields.set(op.to, { ...f, name: op.to });
        for (const [name, i] of c.indexes) c.indexes.set(name, { ...i, fields: i.fields.map((x) => (x.name === op.from ? { ...x, name: op.to } : x)) });
        for (const [name, k] of c.constraints) if (k.type !== 'check') c.constraints.set(name, { ...k, columns: k.columns.map((x) => (x === op.from ? op.to : x)) });
        return;
      }
      case 'modifyField': {
        const c = this.#of(op.collection);
        const base = c.fields.get(op.field) ?? op.previous;
        if (base) c.fields.set(op.field, applyChanges({ ...base, name: op.field }, op.changes));
        return;
      }
      case 'createIndex': {
        const { type: _t, collection: _c, ...index } = op;
        this.#of(op.collection).indexes.set(op.name, index);
        return;
      }
      case 'dropIndex':
        this.#of(op.collection).indexes.delete(op.name);
        return;
      case 'addConstraint':
        this.#of(op.collection).constraints.set(op.constraint.name, op.constraint);
        return;
      case 'dropConstraint':
        this.#of(op.collection).constraints.delete(op.name);
        return;
      case 'raw':
        return;
      default:
        return;
    }
  }

  #of(name: string): ModelCollection {
    let c = this.#collections.get(name);
    if (!c) {
      c = { name, fields: new Map(), indexes: new Map(), constraints: new Map(), options: undefined };
      this.#collections.set(name, c);
    }
    return c;
  }
}
