/**
 * The 19 portable field types of the spec's type table, and `native`: a database type the
 * model has no portable name for (e.g. PostgreSQL `tsvector`), carried as `native: '<type>'` and
 * recreated exactly on the database it came from.
 */
export const FIELD_TYPES = [
  'integer',
  'bigint',
  'smallint',
  'float',
  'double',
  'decimal',
  'string',
  'text',
  'boolean',
  'date',
  'time',
  'datetime',
  'timestamp',
  'json',
  'uuid',
  'enum',
  'array',
  'binary',
  'blob',
  'native',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

const typeSet: ReadonlySet<string> = new Set(FIELD_TYPES);

/**
 * True when `value` is one of the portable field types.
 * @example isFieldType('uuid') // true
 */
export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && typeSet.has(value);
}

/** Types that hold whole numbers (autoIncrement is allowed only on these). */
export const INTEGER_TYPES: ReadonlySet<FieldType> = new Set(['integer', 'bigint', 'smallint']);
/** Types whose defaults are numbers. */
export const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['integer', 'bigint', 'smallint', 'float', 'double', 'decimal']);
/** Types whose defaults are strings. */
export const STRING_TYPES: ReadonlySet<FieldType> = new Set(['string', 'text', 'uuid', 'enum', 'date', 'time', 'datetime', 'timestamp']);
/** Integer types that may be `unsigned` (MySQL/MariaDB `INT UNSIGNED`…). */
export const UNSIGNED_TYPES: ReadonlySet<FieldType> = INTEGER_TYPES;
/** Types whose `precision` is fractional-second digits, 0 to 6. */
export const TEMPORAL_PRECISION_TYPES: ReadonlySet<FieldType> = new Set(['time', 'datetime', 'timestamp']);
/** Types that take `withTimeZone`. */
export const ZONED_TYPES: ReadonlySet<FieldType> = new Set(['datetime', 'timestamp']);

/**
 * Storage classes of `text` and `blob` on MySQL and MariaDB: TINYTEXT (255 bytes), TEXT (64 KB),
 * MEDIUMTEXT (16 MB), LONGTEXT (4 GB), and the same for BLOB. Other databases have one text and
 * one binary type and compile every size to it.
 */
export const TEXT_SIZES = ['tiny', 'regular', 'medium', 'long'] as const;

export type TextSize = (typeof TEXT_SIZES)[number];

/** Types that take a `size`. */
export const SIZED_TYPES: ReadonlySet<FieldType> = new Set(['text', 'blob']);
