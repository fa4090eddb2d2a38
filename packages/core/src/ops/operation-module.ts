import type { Capabilities } from '../adapter/capabilities.js';
import type { StepEffect } from '../adapter/step.js';
import type { IssueList } from '../helpers/issue-list.js';
import type { FieldDefinition } from '../model/field.js';
import { POSTGRES_FIELD_TYPES, fieldDialect } from '../model/field-types.js';
import type { CollectionSnapshot, Operation, OperationType, RenameCollectionOp, RenameFieldOp } from '../model/operation.js';

/**
 * The operation whose `type` is `T`.
 * @example const op: OperationOf<'addField'> = { type: 'addField', collection: 'users', field: { name: 'age', type: 'integer' } };
 */
export type OperationOf<T extends OperationType> = Extract<Operation, { readonly type: T }>;

/**
 * The inverse of an operation, or the reason there is none. `op` is null when the operation did
 * nothing, so there is nothing to undo (a create with ifNotExists that found the collection).
 */
export type Inverse = { readonly ok: true; readonly op: Operation | null } | { readonly ok: false; readonly reason: string };

/** Why an adapter cannot run an operation: what is refused, and the reason (UnsupportedOperationError's words). */
export interface CapabilityRefusal {
  readonly what: string;
  readonly reason: string;
}

/** The collections of the in-memory database, by name. */
export type MemoryCollections = Map<string, CollectionSnapshot>;

/**
 * A lenient model of the collections' fields that `drift` (cli) replays history into: an op on a
 * collection it has not seen starts an empty one, nothing is refused.
 */
export interface FieldReplay {
  /** A collection with these fields (replaces what was known under that name). */
  create(name: string, fields: readonly FieldDefinition[]): void;
  /** The collection is gone. */
  drop(name: string): void;
  /** The collection `from` is now called `to` (`from` is gone). */
  rename(from: string, to: string): void;
  /** The live fields of `collection` (an empty collection when none is known). */
  fields(collection: string): Map<string, FieldDefinition>;
  /** A raw op ran: its effect is not modelled. */
  raw(): void;
}

/**
 * The engine's copy of the schema while it resolves a migration against the live one
 * (`engine/schema-state.ts`), as each op changes it. Collections are read lazily, so an op
 * changes only what is known.
 */
export interface SchemaCopy {
  /** A raw op ran: nothing known can be trusted any more (its text is not modelled). */
  forget(): void;
  /** `name` now holds `c` (null: nothing), and no live table stands behind the name any more. */
  replace(name: string, c: CollectionSnapshot | null): void;
  /** The collection `from` is now `to`; the foreign keys of every known collection follow it. */
  renameCollection(op: RenameCollectionOp): void;
  /** The known collection `name` becomes `change(c)`; nothing when it is not known. */
  update(name: string, change: (c: CollectionSnapshot) => CollectionSnapshot): void;
  /** A column was renamed: the foreign keys of every known collection follow it. */
  moveField(op: RenameFieldOp): void;
}

/** The live schema an op is resolved against (`engine/resolve.ts`): the collections it touches, as they will be when it runs. */
export interface LiveSchema {
  /** The collection as it will be (null or undefined: it will not exist). */
  collection(name: string): CollectionSnapshot | null | undefined;
  /** Records why `op` cannot be resolved (a ValidationIssue with `code`, default `not_found`) and gives `op` back unchanged. */
  refused<O extends Operation>(op: O, message: string, code?: string): O;
}

/**
 * Everything core knows about one kind of operation, in one place (`src/ops/<op>.ts`), read
 * through the registry (`src/ops/registry.ts`) by the validator, `inverseOf`, the engine, the
 * in-memory adapter and the cli's drift. Adapters compile it (core's `OperationCompilers`).
 * @example OPERATIONS.addField.summary({ type: 'addField', collection: 'users', field: { name: 'age', type: 'integer' } }) // 'addField users.age'
 */
export interface OperationModule<T extends OperationType> {
  readonly type: T;
  /** Checks the op on its own (`op.type` is `T`; anything else may be wrong): identifiers, shapes, values. */
  validate(op: Record<string, unknown>, path: string, out: IssueList): void;
  /** The op that undoes it (`build()` derives `down` from these). */
  inverse(op: OperationOf<T>): Inverse;
  /** What it makes true, as facts introspection can check; empty when that cannot be told. */
  effects(op: OperationOf<T>): StepEffect[];
  /** Why an adapter with these capabilities cannot run it, before any IO; undefined when it can. */
  unsupported(op: OperationOf<T>, capabilities: Capabilities): CapabilityRefusal | undefined;
  /** The collections it reads or changes (loaded before it is resolved against the live schema). */
  touches(op: OperationOf<T>): string[];
  /** Why it cannot be compiled as it stands (it replaces a definition it does not carry); undefined when it can. */
  missingPrevious(op: OperationOf<T>): string | undefined;
  /** The op with what only the live schema tells filled in (`previous`, `existed`); called when `missingPrevious` (or ifNotExists) says so. */
  resolve(op: OperationOf<T>, live: LiveSchema): Operation;
  /** Applies it to the engine's copy of the schema (resolution); lenient, as the copy may not know every collection. */
  applyToCopy(op: OperationOf<T>, copy: SchemaCopy): void;
  /** Applies it to the in-memory database with a real server's strictness (what exists cannot be created again). */
  applyInMemory(collections: MemoryCollections, op: OperationOf<T>, values: Map<string, unknown>): void;
  /** One line naming it, e.g. `addField users.age`. */
  summary(op: OperationOf<T>): string;
  /** Replays it on drift's field model; indexes and constraints are not modelled there. */
  replayFields(op: OperationOf<T>, model: FieldReplay): void;
}

/**
 * An inverse that exists.
 * @example inverse({ type: 'dropField', collection: 'users', field: 'age' })
 */
export function inverse(op: Operation): Inverse {
  return { ok: true, op };
}

/** The inverse of an op that did nothing: nothing to undo (a create with ifNotExists that found the collection). */
export const NOTHING_TO_UNDO: Inverse = { ok: true, op: null };

/**
 * No inverse, and why.
 * @example noInverse('raw postgresql operation has no down')
 */
export function noInverse(reason: string): Inverse {
  return { ok: false, reason };
}

/**
 * The refusal of an op whose capability flag the adapter has not set.
 * @example missingFlag('renameField', 'renameField', capabilities)
 */
export function missingFlag(type: OperationType, flag: CapabilityFlag | undefined, capabilities: Capabilities): CapabilityRefusal | undefined {
  return flag && !capabilities[flag] ? { what: type, reason: `the adapter does not support ${flag}` } : undefined;
}

/**
 * The refusal of an op whose fields say `unsigned: true` when the adapter has not set
 * `unsignedIntegers` (PostgreSQL, MongoDB, DynamoDB, Cassandra): refused before any IO.
 * @example unsignedRefusal('addField', [{ name: 'n', type: 'integer', unsigned: true }], capabilities)
 */
export function unsignedRefusal(type: OperationType, fields: readonly Pick<FieldDefinition, 'unsigned'>[] | undefined, capabilities: Capabilities): CapabilityRefusal | undefined {
  const field = fields?.find((f) => f?.unsigned === true) as { name?: string } | undefined;
  if (!field || capabilities.unsignedIntegers) return undefined;
  const which = field.name ? `field "${field.name}"` : 'a field';
  return {
    what: type,
    reason: `the adapter does not support unsignedIntegers (${which} says unsigned: true): this database has no unsigned integers; remove unsigned, and add a check constraint (value >= 0) where it has them, with a wider type (bigint) for values above the signed range`,
  };
}

/**
 * The refusal of an op whose fields say `static: true` when the adapter has not set
 * `staticColumns` (every database but Cassandra): refused before any IO.
 * @example staticRefusal('addField', [{ name: 'owner', type: 'text', static: true }], capabilities)
 */
export function staticRefusal(type: OperationType, fields: readonly Pick<FieldDefinition, 'static'>[] | undefined, capabilities: Capabilities): CapabilityRefusal | undefined {
  const field = fields?.find((f) => f?.static === true) as { name?: string } | undefined;
  if (!field || capabilities.staticColumns) return undefined;
  const which = field.name ? `field "${field.name}"` : 'a field';
  return {
    what: type,
    reason: `the adapter does not support staticColumns (${which} says static: true): static columns (one value per partition) are Cassandra's; keep the value in a table keyed by the partition key instead`,
  };
}

/**
 * The refusal of a field bound to a dialect the adapter does not run (`fieldDialect`: a native
 * type's `dialect`, a PostgreSQL type, a generated column): refused before any IO, naming the
 * field's dialect and the adapter's (`capabilities.rawDialects`).
 * @example dialectRefusal('addField', [{ name: 'email', type: 'citext' }], capabilities)
 */
export function dialectRefusal(type: OperationType, fields: readonly object[] | undefined, capabilities: Capabilities): CapabilityRefusal | undefined {
  for (const field of fields ?? []) {
    if (typeof field !== 'object' || field === null) continue;
    const f = field as Pick<FieldDefinition, 'name' | 'type' | 'itemType' | 'native' | 'dialect' | 'generatedAs'>;
    const dialect = fieldDialect(f);
    if (dialect === undefined || capabilities.rawDialects.includes(dialect)) continue;
    const which = f.name ? `field "${f.name}"` : 'a field';
    const what =
      f.type === 'native' && f.dialect !== undefined
        ? `native type ${JSON.stringify(f.native)} declared for ${dialect}`
        : f.generatedAs !== undefined
          ? `a generated column (generatedAs is PostgreSQL SQL, for ${dialect})`
          : `the ${dialect} type ${JSON.stringify(POSTGRES_FIELD_TYPES.has(f.type) ? f.type : f.itemType)}`;
    return {
      what: type,
      reason: `${which} has ${what}, and this adapter runs ${capabilities.rawDialects.join(', ')}: give the field a type of this database (a portable type, or { type: 'native', native: '<type>', dialect: '${capabilities.rawDialects[0] ?? '<dialect>'}' }), or run the migration against ${dialect}`,
    };
  }
  return undefined;
}

/**
 * The refusal of an index with a `similarityFunction` (a vector index) when the adapter has not
 * set `vectorIndexes`: refused before any IO.
 * @example vectorRefusal('createIndex', [{ name: 'docs_embedding', fields: [{ name: 'embedding' }], similarityFunction: 'cosine' }], capabilities)
 */
export function vectorRefusal(
  type: OperationType,
  indexes: readonly { readonly name?: string; readonly similarityFunction?: unknown }[] | undefined,
  capabilities: Capabilities,
): CapabilityRefusal | undefined {
  const index = indexes?.find((i) => i?.similarityFunction !== undefined);
  if (!index || capabilities.vectorIndexes) return undefined;
  return {
    what: type,
    reason: `the adapter does not support vectorIndexes (index "${String(index.name)}" says similarityFunction: ${JSON.stringify(index.similarityFunction)}): vector search indexes are Cassandra's (SAI on vector<float, n>) so far; drop similarityFunction for an ordinary index`,
  };
}

/** The yes/no capability flags an operation may need. */
export type CapabilityFlag = Exclude<keyof Capabilities, 'rawDialects' | 'transactionalDdl' | 'optionChanges'>;

/** For ops with nothing to say: nothing to resolve, no effects, nothing needed, nothing to replay. */
export const nothing = {
  resolve: <O extends Operation>(op: O): O => op,
  effects: (): StepEffect[] => [],
  unsupported: (): undefined => undefined,
  missingPrevious: (): undefined => undefined,
  replayFields: (): void => {},
};
