import type { FieldType } from '@ductape/core';

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
  native: 'string',
};

/** Canonical UUID text, either case (uuid is stored as a string; see the README). */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
/** HH:MM, HH:MM:SS or HH:MM:SS.ffffff. */
export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?$';
export const SMALLINT_MIN = -32768;
export const SMALLINT_MAX = 32767;
