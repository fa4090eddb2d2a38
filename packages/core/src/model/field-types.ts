/**
 * The 19 portable field types of the spec's type table, `native`: a database type the model has
 * no portable name for, carried as `native: '<type>'` (with `dialect` naming its database) and
 * recreated exactly on the database it came from, and PostgreSQL's own types (POSTGRES_FIELD_TYPES),
 * which every other adapter refuses before any IO.
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
  'citext',
  'inet',
  'cidr',
  'macaddr',
  'tsvector',
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

/**
 * PostgreSQL's own types the model names (`citext` needs the citext extension): only adapters whose
 * `rawDialects` include 'postgresql' take them; every other adapter refuses them before any IO.
 * @example POSTGRES_FIELD_TYPES.has('inet') // true
 */
export const POSTGRES_FIELD_TYPES: ReadonlySet<FieldType> = new Set(['citext', 'inet', 'cidr', 'macaddr', 'tsvector']);

/**
 * The dialect a field is bound to, or undefined when it is portable: a native type's `dialect`,
 * 'postgresql' for a PostgreSQL type (itself or as an array's itemType) and for a generated column
 * (its expression is PostgreSQL SQL).
 * @example fieldDialect({ type: 'inet' }) // 'postgresql'
 * @example fieldDialect({ type: 'native', native: 'set<text>', dialect: 'cassandra' }) // 'cassandra'
 */
export function fieldDialect(field: {
  readonly type?: unknown;
  readonly itemType?: unknown;
  readonly native?: unknown;
  readonly dialect?: unknown;
  readonly enumType?: unknown;
  readonly generatedAs?: unknown;
}): string | undefined {
  if (field.type === 'native' && typeof field.dialect === 'string') return field.dialect;
  if (POSTGRES_FIELD_TYPES.has(field.type as FieldType) || POSTGRES_FIELD_TYPES.has(field.itemType as FieldType)) return 'postgresql';
  if (typeof field.generatedAs === 'string') return 'postgresql';
  return undefined;
}

/** Types that hold whole numbers (autoIncrement is allowed only on these). */
export const INTEGER_TYPES: ReadonlySet<FieldType> = new Set(['integer', 'bigint', 'smallint']);
/** Types whose defaults are numbers. */
export const NUMERIC_TYPES: ReadonlySet<FieldType> = new Set(['integer', 'bigint', 'smallint', 'float', 'double', 'decimal']);
/** Types whose defaults are strings. */
export const STRING_TYPES: ReadonlySet<FieldType> = new Set(['string', 'text', 'uuid', 'enum', 'date', 'time', 'datetime', 'timestamp', 'citext', 'inet', 'cidr', 'macaddr', 'tsvector']);
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
