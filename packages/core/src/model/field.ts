import type { ReferentialAction } from './constraint.js';
import type { FieldType, TextSize } from './field-types.js';

/** A portable default computed by the database at insert time. */
export interface FunctionDefault {
  readonly $fn: 'now' | 'uuid';
}

/** A literal default, or a portable function such as `{ $fn: 'now' }`. */
export type DefaultValue = string | number | boolean | null | FunctionDefault | readonly unknown[] | { readonly [key: string]: unknown };

/**
 * A foreign key declared on the field itself (as knex, Sequelize and Prisma users write it). The
 * builder turns it into an `addConstraint` named `<table>_<column>_fkey` (see `foreignKeyName`),
 * so its down drops it.
 */
export interface FieldReference {
  readonly table: string;
  /** Referenced columns; default `['id']`. */
  readonly columns?: readonly string[];
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
}

/** Everything a field can say about itself, apart from its name. */
export interface FieldOptions {
  readonly type: FieldType;
  /** Characters for string (VARCHAR length). */
  readonly length?: number;
  /**
   * Total digits for decimal (1 or more); fractional-second digits for time, datetime and
   * timestamp (0 to 6; 0 is whole seconds).
   */
  readonly precision?: number;
  /** Digits after the point for decimal. */
  readonly scale?: number;
  /**
   * Storage class of a text or blob on MySQL and MariaDB: 'tiny' (TINYTEXT, 255 bytes),
   * 'regular' (TEXT, 64 KB), 'medium' (MEDIUMTEXT, 16 MB), 'long' (LONGTEXT, 4 GB). Without it a
   * text or blob is LONGTEXT/LONGBLOB there, so a value that fits PostgreSQL's text fits. Other
   * databases have one text and one binary type and ignore it (see each adapter's README).
   * @example { type: 'text', size: 'medium' }
   */
  readonly size?: TextSize;
  /**
   * An integer that holds no negative values: MySQL/MariaDB `INT UNSIGNED` (twice the positive
   * range). Adapters without the `unsignedIntegers` capability refuse it before any IO.
   */
  readonly unsigned?: boolean;
  /**
   * Whether a datetime or timestamp carries a time zone where the database has both kinds:
   * PostgreSQL `timestamptz` (true) or `timestamp` (false). Default: false for datetime, true for
   * timestamp. MySQL/MariaDB have no zoned type: `datetime` is DATETIME(n) and `timestamp`
   * TIMESTAMP(n) whatever this says (see the adapters' READMEs), which is what knex and Sequelize
   * make there too.
   * @example { type: 'datetime', withTimeZone: true } // knex datetime, Sequelize DATE
   */
  readonly withTimeZone?: boolean;
  /**
   * A Cassandra static column: one value per partition, shared by every row of it (the table
   * needs clustering columns; a key column cannot be static). Adapters without the
   * `staticColumns` capability refuse it before any IO.
   * @example { type: 'text', static: true } // "owner" text STATIC
   */
  readonly static?: boolean;
  /** NOT NULL. `required: true` and `nullable: false` mean the same. */
  readonly required?: boolean;
  readonly nullable?: boolean;
  readonly unique?: boolean;
  readonly primaryKey?: boolean;
  readonly default?: DefaultValue;
  /** Allowed values of an enum. */
  readonly enumValues?: readonly string[];
  /**
   * An enum as a named database enum type instead of a CHECK: on PostgreSQL `CREATE TYPE <enumType>
   * AS ENUM (…)` (made with the first field that names it, shared by every field that names it,
   * dropped with the last one; added values are `ALTER TYPE … ADD VALUE`). On an array with
   * `itemType: 'enum'`, the element type (`<enumType>[]`). Other databases keep their own enum
   * (MySQL/MariaDB ENUM, a MongoDB validator, CQL/DynamoDB text) and ignore the name.
   * @example { type: 'enum', enumValues: ['active', 'paused'], enumType: 'account_status' }
   */
  readonly enumType?: string;
  /** Element type of an array. */
  readonly itemType?: FieldType;
  readonly autoIncrement?: boolean;
  /** The database's own type text when `type` is `'native'`, e.g. `'tsvector'`, `'mediumtext'`, `'set<text>'`. */
  readonly native?: string;
  /**
   * The database a native type is written for, as raw operations name it ('postgresql', 'mysql',
   * 'mariadb', 'mongodb', 'dynamodb', 'cassandra'). An adapter whose `rawDialects` lack it refuses
   * the field before any IO, naming both; without it the text is for any database and each adapter
   * checks it against its own grammar.
   * @example { type: 'native', native: 'set<text>', dialect: 'cassandra' }
   */
  readonly dialect?: 'postgresql' | 'mysql' | 'mariadb' | 'mongodb' | 'dynamodb' | 'cassandra' | (string & {});
  /**
   * A generated column: PostgreSQL `GENERATED ALWAYS AS (<expression>) STORED`, computed from the
   * row's other columns (no default, no key). The expression is PostgreSQL SQL, so other adapters
   * refuse the field before any IO.
   * @example { type: 'tsvector', generatedAs: "to_tsvector('english', title)" }
   */
  readonly generatedAs?: string;
  /** An inline foreign key (expanded by the builder into an addConstraint). */
  readonly references?: FieldReference;
}

/** A named field, as stored in operations. */
export interface FieldDefinition extends FieldOptions {
  readonly name: string;
}

/** What a user may write for a field: a full definition or just the type, e.g. `'string'`. */
export type FieldSpec = FieldType | FieldOptions;

/** A field change for modifyField: any option; `null` removes that option. */
export type FieldChanges = { readonly [K in keyof FieldOptions]?: FieldOptions[K] | null };

/** The option keys a field may carry; anything else is a typo the validator reports. */
export const FIELD_OPTION_KEYS: readonly string[] = [
  'type',
  'length',
  'precision',
  'scale',
  'required',
  'nullable',
  'unique',
  'primaryKey',
  'default',
  'enumValues',
  'itemType',
  'autoIncrement',
  'native',
  'references',
  'size',
  'unsigned',
  'withTimeZone',
  'static',
  'enumType',
  'dialect',
  'generatedAs',
];

/**
 * True when the field must not be null: `required`, `nullable: false` or part of the primary key.
 * @example isNotNull({ name: 'id', type: 'uuid', primaryKey: true }) // true
 */
export function isNotNull(field: FieldOptions): boolean {
  if (typeof field !== 'object' || field === null) return false;
  return field.required === true || field.nullable === false || field.primaryKey === true;
}
