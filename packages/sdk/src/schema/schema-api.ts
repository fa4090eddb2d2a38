import {
  type Adapter,
  type CollectionSnapshot,
  type ConstraintDefinition,
  type FieldChanges,
  type FieldSpec,
  type FieldsInput,
  InvalidArgumentError,
  type IndexField,
  type MigrationBuilder,
  type MigrationEngine,
  migration,
  normalizeField,
  uniqueKeyName,
} from '@ductape/core';
import { AlreadyExistsError, NotFoundError } from '../errors.js';
import { applyIntent, buildIntent } from './apply-intent.js';
import { intentDescription } from './intent-marker.js';
import { nextTag, uniqueMigrationName } from './migration-name.js';
import { assertOperationsConfirmed } from './production-guard.js';
import type { ApplyOptions, CreateIndexOptions, CreateOptions, DestructiveOptions, DropOptions, SchemaOutcome } from './schema-types.js';

/** What the schema API needs from the connected service. */
export interface SchemaContext {
  adapter(): Adapter;
  engine(): MigrationEngine;
  env(): string;
  readonly vars: NodeJS.ProcessEnv;
}

/**
 * `db.schema`: each call checks the current state, builds a migration with a complete `down`
 * (introspecting what a drop or change removes), applies it and records it — or, with
 * `{ apply: false }`, returns it without applying or recording anything. Its tag is later than
 * every tag in history (one second after the newest when made in the same second).
 * @example const { migration } = await db.schema.addField('users', 'phone', { type: 'string', length: 20 });
 * @example const { migration } = await db.schema.addField('users', 'phone', 'string', { apply: false }); // not applied
 */
export class SchemaApi {
  constructor(private readonly ctx: SchemaContext) {}

  /** Creates a table/collection. Fails with "already exists" when it does. */
  async create<O extends CreateOptions = { readonly apply?: true }>(name: string, fields: FieldsInput, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder(); // validates the connection first
    if (!options?.sqlOptions?.ifNotExists && (await this.#find(name))) throw new AlreadyExistsError(`collection "${name}"`);
    const { apply, ...collection } = options ?? {};
    return this.#run('create', ['create', name], b.createCollection(name, fields, options ? collection : undefined), { apply });
  }

  /** Adds a field: `addField('users', 'phone', 'string')` or with options. */
  async addField<O extends ApplyOptions = { readonly apply?: true }>(collection: string, field: string, spec: FieldSpec, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    const c = await this.#require(collection);
    if (c.fields.some((f) => f.name === field)) throw new AlreadyExistsError(`field "${collection}.${field}"`);
    return this.#run('addField', ['add', field, 'to', collection], b.addField(collection, normalizeField(field, spec)), options);
  }

  /**
   * Drops a field; down re-adds its definition (not its values). Destructive. A field other
   * collections' foreign keys reference is refused (naming them) unless `{ cascade: true }`, which
   * drops those keys too, recorded so down restores them.
   */
  async dropField<O extends DropOptions = { readonly apply?: true }>(collection: string, field: string, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    const previous = this.#field(await this.#require(collection), field);
    return this.#run('dropField', ['drop', field, 'from', collection], b.dropField(collection, field, { previous, cascade: options?.cascade }), options);
  }

  /** Renames a field. Destructive (running code using the old name breaks). */
  async renameField<O extends DestructiveOptions = { readonly apply?: true }>(collection: string, from: string, to: string, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    const c = await this.#require(collection);
    const previous = this.#field(c, from);
    if (c.fields.some((f) => f.name === to)) throw new AlreadyExistsError(`field "${collection}.${to}"`);
    return this.#run('renameField', ['rename', collection, from, 'to', to], b.renameField(collection, from, to, { previous }), options);
  }

  /** Changes a field's options; down restores the introspected definition. Destructive when it narrows. */
  async modifyField<O extends DestructiveOptions = { readonly apply?: true }>(collection: string, field: string, changes: FieldChanges, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    const previous = this.#field(await this.#require(collection), field);
    return this.#run('modifyField', ['modify', collection, field], b.modifyField(collection, field, changes, { previous }), options);
  }

  async createIndex<O extends CreateIndexOptions = { readonly apply?: true }>(collection: string, fields: readonly (string | IndexField)[], options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    if (!Array.isArray(fields)) throw new InvalidArgumentError('index fields', 'a list of field names', fields);
    const { name: given, apply, ...indexOptions } = options ?? {};
    const names = fields.map((f) => (typeof f === 'string' ? f : f?.name));
    const name = given ?? `idx_${collection}_${names.join('_')}`;
    const c = await this.#require(collection);
    if ((c.indexes ?? []).some((i) => i.name === name)) throw new AlreadyExistsError(`index "${name}"`);
    return this.#run('createIndex', ['create', 'index', name], b.createIndex(collection, name, fields, indexOptions), { apply });
  }

  /** Drops an index; down recreates it from its introspected definition. Destructive. */
  async dropIndex<O extends DestructiveOptions = { readonly apply?: true }>(collection: string, name: string, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    const previous = (await this.#require(collection)).indexes?.find((i) => i.name === name);
    if (!previous) throw new NotFoundError(`index "${name}" on "${collection}"`);
    return this.#run('dropIndex', ['drop', 'index', name], b.dropIndex(collection, name, { previous }), options);
  }

  async addConstraint<O extends ApplyOptions = { readonly apply?: true }>(collection: string, constraint: ConstraintDefinition, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    const c = await this.#require(collection);
    if ((c.constraints ?? []).some((k) => k.name === constraint?.name)) throw new AlreadyExistsError(`constraint "${constraint.name}"`);
    return this.#run('addConstraint', ['add', 'constraint', constraint?.name ?? ''], b.addConstraint(collection, constraint), options);
  }

  /** Drops a constraint; down adds it back. Destructive. */
  async dropConstraint<O extends DestructiveOptions = { readonly apply?: true }>(collection: string, name: string, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    const c = await this.#require(collection);
    const previous = c.constraints?.find((k) => k.name === name);
    // A field's `unique: true` is the constraint <table>_<field>_key; the engine reads it from the field.
    const fieldKey = c.fields.some((f) => f.unique === true && uniqueKeyName(collection, f.name) === name);
    if (!previous && !fieldKey) throw new NotFoundError(`constraint "${name}" on "${collection}"`);
    return this.#run('dropConstraint', ['drop', 'constraint', name], b.dropConstraint(collection, name, previous ? { previous } : {}), options);
  }

  /**
   * Renames a table/collection; down renames it back. Destructive (running code using the old
   * name breaks). Refused before IO on databases that cannot rename (DynamoDB, Cassandra).
   * @example await db.schema.rename('people', 'users');
   */
  async rename<O extends DestructiveOptions = { readonly apply?: true }>(from: string, to: string, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    await this.#require(from);
    if (typeof to !== 'string' || to === '') throw new InvalidArgumentError('the new collection name', 'a non-empty string', to);
    if (await this.#find(to)) throw new AlreadyExistsError(`collection "${to}"`);
    return this.#run('rename', ['rename', from, 'to', to], b.renameCollection(from, to), options);
  }

  /** Drops a table/collection; down recreates its definition (not its rows). Destructive. */
  async drop<O extends DropOptions = { readonly apply?: true }>(name: string, options?: O): Promise<SchemaOutcome<O>> {
    const b = this.#builder();
    const previous = await this.#require(name);
    return this.#run('drop', ['drop', name], b.dropCollection(name, { cascade: options?.cascade, previous }), options);
  }

  // The builder is made with a placeholder name; #run renames it once the unique name is known.
  #builder(): MigrationBuilder {
    this.ctx.adapter(); // throws NotConnectedError before any work
    return migration('pending');
  }

  // The production guard (shared with the CLI) sees the ops before any IO; `{ apply: false }`
  // runs nothing, so it needs no confirmation (history is only read, for the name and tag).
  async #run<O>(method: string, parts: readonly string[], builder: MigrationBuilder, options: DestructiveOptions | undefined): Promise<SchemaOutcome<O>> {
    const apply = options?.apply !== false;
    const engine = this.ctx.engine();
    const draft = buildIntent(builder, uniqueMigrationName(parts, new Set()));
    if (apply) assertOperationsConfirmed(this.ctx.env(), draft.up, options, this.ctx.vars);
    const history = await engine.getHistoryRows(); // names and tags only: no migration bodies
    const name = uniqueMigrationName(parts, new Set(history.map((e) => e.name)));
    let named = migration(name)
      .tag(
        nextTag(
          name,
          history.map((e) => e.tag),
        ),
      )
      .description(intentDescription(method));
    for (const op of draft.up) named = named.operation(op);
    const m = named.build();
    if (!apply) return { migration: m, result: null } as SchemaOutcome<O>;
    const result = await applyIntent(engine, m);
    return { migration: m, result } as SchemaOutcome<O>;
  }

  async #find(name: string): Promise<CollectionSnapshot | undefined> {
    if (typeof name !== 'string') throw new InvalidArgumentError('the collection name', 'a string', name);
    return this.ctx.adapter().introspect(name);
  }

  async #require(name: string): Promise<CollectionSnapshot> {
    const c = await this.#find(name);
    if (!c) throw new NotFoundError(`collection "${name}"`);
    return c;
  }

  #field(c: CollectionSnapshot, name: string) {
    const f = c.fields.find((x) => x.name === name);
    if (!f) throw new NotFoundError(`field "${c.name}.${name}"`);
    return f;
  }
}
