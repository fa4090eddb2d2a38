import { InvalidArgumentError } from '../errors/errors.js';
import type { CollectionOptionChanges } from './collection-option-changes.js';
import type { CollectionOptions } from './collection-options.js';
import type { ConstraintDefinition } from './constraint.js';
import type { FieldChanges, FieldDefinition } from './field.js';
import type { IndexDefinition, IndexField, IndexOptions } from './index-definition.js';

/** What a collection looked like, as introspected; lets a drop be undone. */
export interface CollectionSnapshot {
  readonly name: string;
  readonly fields: readonly FieldDefinition[];
  readonly indexes?: readonly IndexDefinition[];
  readonly constraints?: readonly ConstraintDefinition[];
  readonly options?: CollectionOptions;
}

export interface CreateCollectionOp {
  readonly type: 'createCollection';
  readonly name: string;
  readonly fields: readonly FieldDefinition[];
  readonly options?: CollectionOptions;
  /** Indexes and constraints to restore with the table (set by the inverse of a drop). */
  readonly indexes?: readonly IndexDefinition[];
  readonly constraints?: readonly ConstraintDefinition[];
  /**
   * Set by the engine, never by hand: `sqlOptions.ifNotExists` found the collection already
   * there, so this op does nothing and its down does nothing (the table is not ours to drop).
   */
  readonly existed?: true;
}

export interface DropCollectionOp {
  readonly type: 'dropCollection';
  readonly name: string;
  readonly cascade?: boolean;
  /** The collection as it was, so down can recreate it. */
  readonly previous?: CollectionSnapshot;
}

export interface RenameCollectionOp {
  readonly type: 'renameCollection';
  readonly from: string;
  readonly to: string;
  /**
   * The collection as it was before the rename (`name === from`), filled from the live schema
   * at apply time, so adapters can carry the names they derive from the table's name (a key
   * `<table>_<column>_key`, a `<table>_pkey`) over to the new name.
   */
  readonly previous?: CollectionSnapshot;
}

/**
 * Where a column stands in its table: after the named field, or first. Only MySQL and MariaDB
 * place a column (`AFTER`/`FIRST`); other databases add it at the end.
 */
export type FieldPosition = { readonly after: string } | 'first';

export interface AddFieldOp {
  readonly type: 'addField';
  readonly collection: string;
  readonly field: FieldDefinition;
  /** Where the column goes (MySQL/MariaDB); at the end when absent. A dropField's down sets it. */
  readonly position?: FieldPosition;
}

export interface DropFieldOp {
  readonly type: 'dropField';
  readonly collection: string;
  readonly field: string;
  /** The field's definition before the drop, so down can re-add it (its values are not restored). */
  readonly previous?: FieldDefinition;
  /**
   * Also drop the foreign keys of other collections that reference this field (each recorded, so
   * down restores it). Without it a drop such keys would block is refused before any change,
   * naming them (as dropCollection does).
   */
  readonly cascade?: boolean;
  /**
   * Where the field stood (set by the engine from the live schema when it was not the last), so
   * down re-adds it there on MySQL/MariaDB.
   */
  readonly position?: FieldPosition;
}

export interface RenameFieldOp {
  readonly type: 'renameField';
  readonly collection: string;
  readonly from: string;
  readonly to: string;
  /** The field's definition before the rename (the sdk introspects it); databases that rename only some columns (Cassandra: key columns) decide with it before any IO. */
  readonly previous?: FieldDefinition;
}

export interface ModifyFieldOp {
  readonly type: 'modifyField';
  readonly collection: string;
  readonly field: string;
  readonly changes: FieldChanges;
  /** The full definition before the change (adapters that rewrite a whole column need it). */
  readonly previous?: FieldDefinition;
}

export interface CreateIndexOp extends IndexOptions {
  readonly type: 'createIndex';
  readonly collection: string;
  readonly name: string;
  readonly fields: readonly IndexField[];
}

export interface DropIndexOp {
  readonly type: 'dropIndex';
  readonly collection: string;
  readonly name: string;
  readonly previous?: IndexDefinition;
}

export interface AddConstraintOp {
  readonly type: 'addConstraint';
  readonly collection: string;
  readonly constraint: ConstraintDefinition;
}

export interface DropConstraintOp {
  readonly type: 'dropConstraint';
  readonly collection: string;
  readonly name: string;
  readonly previous?: ConstraintDefinition;
}

export interface AlterCollectionOptionsOp {
  readonly type: 'alterCollectionOptions';
  readonly collection: string;
  /** The settings to change, per database (only the keys given change). */
  readonly options: CollectionOptionChanges;
  /**
   * The same keys as they were before the change, read from the database by the engine at apply
   * time (DescribeTable, DescribeTimeToLive, DescribeContinuousBackups, ListTagsOfResource on
   * DynamoDB), so down sets them back exactly.
   */
  readonly previous?: CollectionOptionChanges;
}

/**
 * `createType`: a user-defined type (Cassandra `CREATE TYPE`), its fields typed as a column's
 * (`{ name: 'street', type: 'text' }`, `{ name: 'tags', type: 'native', native: 'frozen<set<text>>' }`).
 * Needs the `userTypes` capability.
 */
export interface CreateTypeOp {
  readonly type: 'createType';
  readonly name: string;
  readonly fields: readonly FieldDefinition[];
}

/** `dropType`: drops a user-defined type; its `previous` fields make it reversible. */
export interface DropTypeOp {
  readonly type: 'dropType';
  readonly name: string;
  readonly previous?: { readonly fields: readonly FieldDefinition[] };
}

/**
 * `alterType`: one change to a user-defined type: a field added (Cassandra cannot drop one, so
 * it has no inverse) or renamed (undone by the rename back).
 */
export interface AlterTypeOp {
  readonly type: 'alterType';
  readonly name: string;
  readonly addField?: FieldDefinition;
  readonly renameField?: { readonly from: string; readonly to: string };
}

/** Dialect names raw operations are written for. */
export type RawDialect = 'postgresql' | 'mysql' | 'mariadb' | 'mongodb' | 'dynamodb' | 'cassandra' | (string & {});

/** Text (SQL/CQL) or a driver command (MongoDB, DynamoDB) for one dialect. */
export interface RawStatement {
  readonly sql?: string;
  readonly command?: { readonly [key: string]: unknown };
}

export interface RawOp extends RawStatement {
  readonly type: 'raw';
  readonly dialect: RawDialect;
  /**
   * What undoes it; without it the migration is irreversible. In the statement's own shape (text,
   * or the command object); the builder stores it as `{ sql }` or `{ command }`, the wrapped form
   * that is still read (see `rawStatementOf`).
   */
  readonly down?: RawStatement | string | { readonly [key: string]: unknown };
}

/** Every operation, discriminated by `type`. Plain JSON data. */
export type Operation =
  | CreateCollectionOp
  | DropCollectionOp
  | RenameCollectionOp
  | AddFieldOp
  | DropFieldOp
  | RenameFieldOp
  | ModifyFieldOp
  | CreateIndexOp
  | DropIndexOp
  | AddConstraintOp
  | DropConstraintOp
  | AlterCollectionOptionsOp
  | CreateTypeOp
  | AlterTypeOp
  | DropTypeOp
  | RawOp;

export type OperationType = Operation['type'];

export const OPERATION_TYPES: readonly OperationType[] = [
  'createCollection',
  'dropCollection',
  'renameCollection',
  'addField',
  'dropField',
  'renameField',
  'modifyField',
  'createIndex',
  'dropIndex',
  'addConstraint',
  'dropConstraint',
  'alterCollectionOptions',
  'createType',
  'alterType',
  'dropType',
  'raw',
];

/**
 * Exhaustiveness guard for `switch (op.type)`: a new op type fails to compile where it is not handled.
 * @example default: return assertNever(op);
 */
export function assertNever(value: never): never {
  throw new InvalidArgumentError('operation', 'a known operation', value);
}
