import { InvalidArgumentError, ValidationError } from '../errors/errors.js';
import { validationIssues } from '../helpers/validate-migration.js';
import { checksumOf } from '../helpers/checksum-cache.js';
import { generateTag } from '../helpers/tag.js';
import { migrationNameProblem } from '../helpers/identifiers.js';
import type { CollectionOptionChanges } from '../model/collection-option-changes.js';
import type { CollectionOptions } from '../model/collection-options.js';
import type { ConstraintDefinition } from '../model/constraint.js';
import type { FieldChanges, FieldDefinition, FieldSpec } from '../model/field.js';
import type { IndexDefinition, IndexField, IndexOptions } from '../model/index-definition.js';
import type { Migration } from '../model/migration.js';
import type { CollectionSnapshot, Operation, RawDialect, RawStatement } from '../model/operation.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import { inverseOf } from '../ops/inverse.js';
import { rawStatementOf } from '../ops/raw.js';
import { optionsObject } from '../helpers/options-object.js';
import { deepFreeze } from './deep-freeze.js';
import { expandReferences } from './expand-references.js';
import { type FieldsInput, normalizeField, normalizeFields, timestampFields } from './normalize-fields.js';

/**
 * Fluent builder of a migration. Each call adds one operation; `build()` derives `down` from
 * the inverse of each operation, validates, and returns frozen data.
 * @example
 * const m = migration('create_users')
 *   .createCollection('users', [{ name: 'id', type: 'uuid', primaryKey: true }])
 *   .createIndex('users', 'idx_users_id', [{ name: 'id' }])
 *   .build();
 */
export class MigrationBuilder {
  readonly #name: string;
  readonly #ops: Operation[] = [];
  #description: string | undefined;
  #tag: string | undefined;
  #at: Date | undefined;

  constructor(name: string) {
    const problem = migrationNameProblem(name);
    if (problem) throw new ValidationError('migration name', [{ code: 'invalid_name', path: 'name', message: `the migration name ${problem}` }]);
    this.#name = name;
  }

  /** A human description kept in history. */
  description(text: string): this {
    if (typeof text !== 'string') throw new InvalidArgumentError('description', 'a string', text);
    this.#description = text;
    return this;
  }

  /** Sets the tag explicitly (default: generated from the build time). */
  tag(tag: string): this {
    if (typeof tag !== 'string') throw new InvalidArgumentError('tag', 'a string like 20240115_143052_name', tag);
    this.#tag = tag;
    return this;
  }

  /** The time the tag is generated from (default: now). */
  at(date: Date): this {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new InvalidArgumentError('at', 'a valid Date', date);
    this.#at = date;
    return this;
  }

  /** Adds any operation as data. */
  operation(op: Operation): this {
    if (typeof op !== 'object' || op === null) throw new InvalidArgumentError('operation', 'an operation object', op);
    this.#ops.push(op);
    return this;
  }

  createCollection(name: string, fields: FieldsInput, options?: CollectionOptions): this {
    requireString('collection name', name);
    const list = normalizeFields(fields);
    const opts = optionsObject(options, 'collection options');
    if (opts.timestamps) list.push(...timestampFields().filter((t) => !list.some((f) => f.name === t.name)));
    return this.operation(withoutUndefined({ type: 'createCollection', name, fields: list, options: Object.keys(opts).length > 0 ? opts : undefined }));
  }

  /** Drops a collection. Pass its `previous` snapshot (the sdk introspects it) to make it reversible. */
  dropCollection(name: string, dropOptions?: { cascade?: boolean; previous?: CollectionSnapshot }): this {
    requireString('collection name', name);
    const options = optionsObject(dropOptions, 'drop options');
    return this.operation(withoutUndefined({ type: 'dropCollection', name, cascade: options.cascade, previous: options.previous }));
  }

  /** Renames a table/collection (PostgreSQL, MySQL, MariaDB, MongoDB; refused before IO where the database cannot). */
  renameCollection(from: string, to: string): this {
    requireString('collection name', from);
    requireString('new collection name', to);
    return this.operation({ type: 'renameCollection', from, to });
  }

  addField(collection: string, field: FieldDefinition | string, spec?: FieldSpec): this {
    requireString('collection name', collection);
    if (typeof field === 'string' && spec === undefined) throw new InvalidArgumentError(`field "${field}"`, 'a type name or { type, … }', spec);
    const definition = typeof field === 'string' ? normalizeField(field, spec as FieldSpec) : field;
    return this.operation({ type: 'addField', collection, field: definition });
  }

  dropField(collection: string, field: string, dropOptions?: { previous?: FieldDefinition; cascade?: boolean }): this {
    requireString('collection name', collection);
    const options = optionsObject(dropOptions, 'options');
    return this.operation(withoutUndefined({ type: 'dropField', collection, field, cascade: options.cascade, previous: options.previous }));
  }

  /** Renames a field. `previous` (its definition, which the sdk introspects) lets every database decide before IO. */
  renameField(collection: string, from: string, to: string, renameOptions?: { previous?: FieldDefinition }): this {
    requireString('collection name', collection);
    const options = optionsObject(renameOptions, 'rename options');
    return this.operation(withoutUndefined({ type: 'renameField', collection, from, to, previous: options.previous }));
  }

  modifyField(collection: string, field: string, changes: FieldChanges, dropOptions?: { previous?: FieldDefinition }): this {
    requireString('collection name', collection);
    const options = optionsObject(dropOptions, 'options');
    return this.operation(withoutUndefined({ type: 'modifyField', collection, field, changes, previous: options.previous }));
  }

  /** `fields` may be names or `{ name, order }`. */
  createIndex(collection: string, name: string, fields: readonly (IndexField | string)[], indexOptions?: IndexOptions): this {
    const options = optionsObject(indexOptions, 'index options');
    requireString('collection name', collection);
    if (!Array.isArray(fields)) throw new InvalidArgumentError('index fields', 'a list such as [{ name: "email" }]', fields);
    const list = fields.map((f) => (typeof f === 'string' ? { name: f } : f));
    return this.operation(withoutUndefined({ type: 'createIndex', collection, name, fields: list, ...options }));
  }

  dropIndex(collection: string, name: string, dropOptions?: { previous?: IndexDefinition }): this {
    requireString('collection name', collection);
    const options = optionsObject(dropOptions, 'options');
    return this.operation(withoutUndefined({ type: 'dropIndex', collection, name, previous: options.previous }));
  }

  addConstraint(collection: string, constraint: ConstraintDefinition): this {
    requireString('collection name', collection);
    return this.operation({ type: 'addConstraint', collection, constraint });
  }

  dropConstraint(collection: string, name: string, dropOptions?: { previous?: ConstraintDefinition }): this {
    requireString('collection name', collection);
    const options = optionsObject(dropOptions, 'options');
    return this.operation(withoutUndefined({ type: 'dropConstraint', collection, name, previous: options.previous }));
  }

  /**
   * Changes database-specific settings of an existing collection: only the settings given
   * change. DynamoDB (`dynamoOptions`): `ttlAttribute` (null turns TTL off), `streamEnabled` with
   * `streamViewType`, `sseEnabled` (with `sseKmsKeyId`), `pointInTimeRecovery`,
   * `deletionProtection`, `tags` (null removes one), `billingMode` with `readCapacity` and
   * `writeCapacity` (and `indexThroughput` per GSI). The engine reads the current settings before
   * the change (pass `previous` to skip that), so down sets back exactly what was there. An
   * adapter refuses a block it does not change before any IO.
   * @example
   * migration('orders_settings')
   *   .alterCollectionOptions('orders', { dynamoOptions: { ttlAttribute: 'expires_at', streamEnabled: true, streamViewType: 'NEW_AND_OLD_IMAGES', pointInTimeRecovery: true, tags: { team: 'payments' } } })
   *   .build();
   */
  alterCollectionOptions(collection: string, options: CollectionOptionChanges, alterOptions?: { previous?: CollectionOptionChanges }): this {
    requireString('collection name', collection);
    const changes = optionsObject(options, 'collection option changes');
    const { previous } = optionsObject(alterOptions, 'options');
    return this.operation(withoutUndefined({ type: 'alterCollectionOptions', collection, options: changes, previous }));
  }

  /**
   * A user-defined type (Cassandra `CREATE TYPE`), its fields typed as columns are; down drops it.
   * Adapters without the `userTypes` capability refuse it before any IO.
   * @example
   * migration('address_type')
   *   .createType('address', { street: 'text', city: 'text', tags: { type: 'native', native: 'frozen<set<text>>' } })
   *   .createCollection('users', { id: { type: 'uuid', primaryKey: true }, home: { type: 'native', native: 'frozen<address>' } })
   *   .build();
   */
  createType(name: string, fields: FieldsInput): this {
    requireString('type name', name);
    return this.operation({ type: 'createType', name, fields: normalizeFields(fields) });
  }

  /**
   * One change to a user-defined type: a field added (no inverse: Cassandra cannot drop one) or
   * renamed (undone by the rename back).
   * @example migration('address_zip').alterType('address', { renameField: { from: 'zip', to: 'postcode' } }).build();
   */
  alterType(name: string, change: { addField?: FieldDefinition; renameField?: { from: string; to: string } }): this {
    requireString('type name', name);
    const { addField, renameField } = optionsObject(change, 'type change');
    return this.operation(withoutUndefined({ type: 'alterType', name, addField, renameField }));
  }

  /**
   * Drops a user-defined type. Pass its `previous` fields to make it reversible (they are not introspected).
   * @example migration('drop_address').dropType('address', { previous: { fields: [{ name: 'city', type: 'text' }] } }).build();
   */
  dropType(name: string, dropOptions?: { previous?: { fields: readonly FieldDefinition[] } }): this {
    requireString('type name', name);
    const { previous } = optionsObject(dropOptions, 'drop options');
    return this.operation(withoutUndefined({ type: 'dropType', name, previous }));
  }

  /**
   * A statement for one database: SQL/CQL text, or a command object (MongoDB, DynamoDB).
   * Give `down` to keep the migration reversible, in the same shape as the statement (text, or
   * the command object). The older wrapped down, `{ sql: '…' }` or `{ command: {…} }`, is still
   * read (deprecated).
   * @example migration('t').raw('dynamodb', { command: 'CreateTable', input }, { down: { command: 'DeleteTable', input: { TableName: 't' } } })
   */
  raw(dialect: RawDialect, statement: string | { readonly [key: string]: unknown }, rawOptions?: { down?: string | RawStatement | { readonly [key: string]: unknown } }): this {
    requireString('raw dialect', dialect);
    const options = optionsObject(rawOptions, 'raw options');
    const body = typeof statement === 'string' ? { sql: statement } : { command: statement };
    // down in the statement's shape; the wrapped { sql } / { command } form is still read (deprecated).
    const down = options.down === undefined ? undefined : rawStatementOf(options.down as string | RawStatement);
    return this.operation(withoutUndefined({ type: 'raw', dialect, ...body, down }));
  }

  /** Validates and returns the frozen migration. Throws ValidationError listing every problem. */
  build(): Migration {
    const up = expandReferences(this.#ops.map((op) => cloneOperation(op)));
    const inverses = up.map((op) => (typeof op === 'object' && op !== null && 'type' in op ? safeInverse(op) : undefined));
    const missing = inverses.find((inv) => inv && !inv.ok);
    const down = missing ? [] : inverses.flatMap((inv) => (inv?.ok && inv.op ? [inv.op] : [])).reverse();
    const m = withoutUndefined({
      name: this.#name,
      tag: this.#tag ?? generateTag(this.#name, this.#at),
      description: this.#description,
      up,
      down,
      irreversible: missing && !missing.ok ? missing.reason : undefined,
    }) as Migration;
    const issues = validationIssues(m);
    if (issues.length > 0) throw new ValidationError(`migration "${this.#name}"`, issues);
    const frozen = deepFreeze(m);
    checksumOf(frozen); // computed once here, so status over a long history only looks it up
    return frozen;
  }
}

/**
 * Starts a migration builder.
 * @example migration('add_phone').addField('users', 'phone', { type: 'string', length: 20 }).build()
 */
export function migration(name: string): MigrationBuilder {
  return new MigrationBuilder(name);
}

function safeInverse(op: Operation) {
  try {
    return inverseOf(op);
  } catch {
    return undefined; // an unknown op type; validation reports it
  }
}

function cloneOperation(op: Operation): Operation {
  try {
    return structuredClone(op);
  } catch {
    throw new InvalidArgumentError('an operation', 'plain JSON data (no functions or class instances)', op);
  }
}

function requireString(what: string, value: unknown): void {
  if (typeof value !== 'string') throw new InvalidArgumentError(what, 'a string', value);
}
