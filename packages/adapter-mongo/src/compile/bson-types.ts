import { type FieldType, ValidationError } from '@ductape/core';

/**
 * The spec's type table as `$jsonSchema` bsonType values. Numbers accept what the Node driver
 * writes for a JS number (int32 when whole and in range, else double); see the README.
 */
export const BSON_TYPES: { readonly [T in FieldType]: readonly string[] } = {
  integer: ['int'],
  bigint: ['int', 'long'],
  smallint: ['int'],
  float: ['double', 'int', 'long'],
  double: ['double', 'int', 'long'],
  decimal: ['decimal'],
  string: ['string'],
  text: ['string'],
  boolean: ['bool'],
  date: ['date'],
  time: ['string'],
  datetime: ['date'],
  timestamp: ['date'],
  json: ['object'],
  uuid: ['string'],
  enum: ['string'],
  array: ['array'],
  binary: ['binData'],
  blob: ['binData'],
  native: [], // the field's own `native` bsonType; see the validator compiler
  // PostgreSQL's own types: refused before any IO (core's dialectRefusal); never compiled here.
  citext: ['string'],
  inet: ['string'],
  cidr: ['string'],
  macaddr: ['string'],
  tsvector: ['string'],
};

/** `$type` aliases for a partial filter that keeps null and missing values out of a unique index. */
export const TYPE_ALIAS: { readonly [T in FieldType]: string } = {
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  float: 'number',
  double: 'number',
  decimal: 'number',
  string: 'string',
  text: 'string',
  boolean: 'bool',
  date: 'date',
  time: 'string',
  datetime: 'date',
  timestamp: 'date',
  json: 'object',
  uuid: 'string',
  enum: 'string',
  array: 'array',
  binary: 'binData',
  blob: 'binData',
  native: 'string', // unused: a native field's filter is its own bsonType (nativeBsonTypes)
  citext: 'string', // PostgreSQL's own types: refused before any IO (core's dialectRefusal)
  inet: 'string',
  cidr: 'string',
  macaddr: 'string',
  tsvector: 'string',
};

/** The `$jsonSchema` bsonType aliases MongoDB knows (what `native` may name). */
export const BSON_TYPE_ALIASES: readonly string[] = [
  'double',
  'string',
  'object',
  'array',
  'binData',
  'undefined',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'dbPointer',
  'javascript',
  'symbol',
  'javascriptWithScope',
  'int',
  'timestamp',
  'long',
  'decimal',
  'minKey',
  'maxKey',
  'number',
];

/** `native: 'any'`: a property without a bsonType keyword (any BSON type; its other keywords stay in the validator). */
export const ANY_BSON_TYPE = 'any';

/**
 * The bsonType list of a native field: one alias (`'objectId'`), several separated by commas
 * (`'int, long'`), or `'any'` (none). Anything else is refused before any IO.
 * @example nativeBsonTypes('objectId', 'users.owner') // ['objectId']
 */
export function nativeBsonTypes(native: string | undefined, where: string): string[] {
  if (native === ANY_BSON_TYPE) return [];
  const list = typeof native === 'string' ? native.split(',').map((t) => t.trim()) : [];
  if (list.length === 0 || list.some((t) => !BSON_TYPE_ALIASES.includes(t))) {
    throw new ValidationError(`field "${where}"`, [
      {
        code: 'invalid_native_type',
        path: 'native',
        message: `on MongoDB native is a $jsonSchema bsonType (${BSON_TYPE_ALIASES.join(', ')}), several separated by commas, or 'any'; got ${JSON.stringify(native)}`,
      },
    ]);
  }
  return list;
}

/** Canonical UUID text, either case (uuid is stored as a string; see the README). */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** HH:MM, HH:MM:SS or HH:MM:SS.ffffff. */
export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?$';
export const SMALLINT_MIN = -32768;
export const SMALLINT_MAX = 32767;
