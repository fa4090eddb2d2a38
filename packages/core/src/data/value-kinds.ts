import type { FieldDefinition } from '../model/field.js';

/** What a column or an expression holds, as far as a data migration's checks care. */
export type ValueKind = 'number' | 'text' | 'boolean' | 'temporal' | 'uuid' | 'json' | 'binary' | 'array' | 'unknown';

const KIND_OF_TYPE: { readonly [type: string]: ValueKind } = {
  integer: 'number',
  bigint: 'number',
  smallint: 'number',
  float: 'number',
  double: 'number',
  decimal: 'number',
  string: 'text',
  text: 'text',
  enum: 'text',
  uuid: 'uuid',
  boolean: 'boolean',
  date: 'temporal',
  time: 'temporal',
  datetime: 'temporal',
  timestamp: 'temporal',
  json: 'json',
  binary: 'binary',
  blob: 'binary',
  array: 'array',
};

/**
 * The kind of value a column holds; 'unknown' for a type the checks do not know (a native type),
 * which is never refused.
 * @example kindOfField({ name: 'age', type: 'integer' }) // 'number'
 */
export function kindOfField(field: FieldDefinition): ValueKind {
  return KIND_OF_TYPE[String(field.type)] ?? 'unknown';
}

const INTEGER_RANGE: { readonly [type: string]: readonly [number, number] } = {
  smallint: [-32_768, 32_767],
  integer: [-2_147_483_648, 2_147_483_647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

/**
 * Why `value` cannot be stored in (or compared with) `field`, with what to pass instead; undefined
 * when it fits. `assign` adds the checks that only matter when writing (NOT NULL, length).
 * @example literalProblem({ name: 'age', type: 'integer' }, 'abc', true)
 * // '"age" is integer and "abc" is text: pass a whole number such as 42 (or null)'
 */
export function literalProblem(field: FieldDefinition, value: unknown, assign: boolean): string | undefined {
  const col = `"${field.name}" is ${describeType(field)}`;
  if (value === null) {
    return assign && (field.required === true || field.nullable === false || field.primaryKey === true) ? `${col} and required (NOT NULL): pass a value, not null` : undefined;
  }
  const given = `${describeValue(value)} is ${typeof value === 'string' ? 'text' : typeof value === 'number' ? 'a number' : typeof value}`;
  const orNull = assign ? ' (or null)' : '';
  const type = String(field.type);
  switch (kindOfField(field)) {
    case 'number': {
      const range = INTEGER_RANGE[type];
      const whole = range !== undefined;
      if (typeof value === 'string' && (type === 'bigint' || type === 'decimal') && (whole ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/).test(value)) return undefined;
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${col} and ${given}: pass ${whole ? 'a whole number such as 42' : 'a number such as 4.5'}${orNull}`;
      if (whole && !Number.isInteger(value)) return `${col} and ${value} is not a whole number: pass a whole number such as ${Math.round(value)}${orNull}`;
      if (range && (value < range[0] || value > range[1]))
        return `${col} and ${value} is out of its range ${range[0]}..${range[1]}: pass a number in that range${type === 'bigint' ? ', or a larger one as text such as "9007199254740993"' : ''}`;
      return undefined;
    }
    case 'text': {
      if (typeof value !== 'string') return `${col} and ${given}: pass text such as ${JSON.stringify(String(value))}${orNull}`;
      if (type === 'enum' && field.enumValues && !field.enumValues.includes(value))
        return `${col} and ${describeValue(value)} is not one of its values: pass one of ${field.enumValues.map((v) => JSON.stringify(v)).join(', ')}`;
      const chars = [...value].length;
      if (assign && typeof field.length === 'number' && chars > field.length)
        return `${col} and the text given has ${chars} characters: pass at most ${field.length} (or widen the column with db.schema.modifyField first)`;
      return undefined;
    }
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? undefined : `${col} and ${given}: pass a UUID such as "0b7e5c5e-8f8a-4f7e-9a53-2d1f0c1c3b9a"${orNull}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${col} and ${given}: pass true or false${orNull}`;
    case 'temporal': {
      const pattern = type === 'date' ? DATE : type === 'time' ? TIME : DATE_TIME;
      const ok = typeof value === 'string' && pattern.test(value) && (type === 'time' || !Number.isNaN(Date.parse(value.replace(' ', 'T'))));
      const example = type === 'date' ? '"2024-01-15"' : type === 'time' ? '"14:30:00"' : '"2024-01-15T14:30:00Z"';
      return ok ? undefined : `${col} and ${given}: pass ISO 8601 text such as ${example}${orNull}`;
    }
    case 'json':
      if (typeof value !== 'string') return undefined;
      try {
        JSON.parse(value);
        return undefined;
      } catch {
        return `${col} and ${given}, which is not JSON: pass JSON text such as ${JSON.stringify(JSON.stringify(value))}${orNull}`;
      }
    case 'binary':
    case 'array':
      return typeof value === 'string' ? undefined : `${col} and ${given}: a ${typeof value} cannot be stored there; pass null, or text in the database's own format for ${type}`;
    default:
      return undefined;
  }
}

function describeType(field: FieldDefinition): string {
  if (field.type === 'string' && typeof field.length === 'number') return `string(${field.length})`;
  return String(field.type);
}

/**
 * A literal for a message: text quoted and cut short, others as they print.
 * @example describeValue('abc') // '"abc"'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
