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
