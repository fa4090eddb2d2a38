import fc from 'fast-check';
import { FIELD_TYPES } from '@ductape/core';

/** Tables the bad-input property prepares; generated operations aim at them or at generated names. */
export const FUZZ_TABLE = 'fz_base';
export const SENTINEL = 'rel_sentinel';

const RESERVED = [
  'select',
  'table',
  'order',
  'user',
  'drop',
  'key',
  'primary',
  'from',
  'where',
  'group',
  'index',
  'SELECT',
  'null',
  'true',
  'default',
  'limit',
  'keyspace',
  'column',
  '_id',
  'id',
  '$where',
  'constructor',
  '__proto__',
];
const NASTY = [
  `x"; DROP TABLE ${SENTINEL}; --`,
  `x'); DROP TABLE ${SENTINEL}; --`,
  `x\`; DROP TABLE ${SENTINEL}; --`,
  `${SENTINEL}"; --`,
  `' OR '1'='1`,
  '"',
  "'",
  '`',
  ';',
  '--',
  '/*',
  '*/',
  '\\',
  '$',
  '$gt',
  'a.b',
  'a b',
  '%s%n',
  'ünïcødé_名前',
  '🙂',
  'ﾃｽﾄ',
  'e\u0301',
  '\u200b',
  'a\u0000b',
  'a\nb',
  '\t',
  ' lead',
  'trail ',
  '',
  'x'.repeat(64),
  'x'.repeat(129),
  'y'.repeat(300),
];

/**
 * An identifier: ordinary, reserved, quote/`;`/comment/injection payloads, unicode, control
 * characters, huge, or generated strings of every kind.
 * @example fc.sample(identifier(), 3)
 */
export function identifier() {
  return fc.oneof(
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/) },
    { weight: 2, arbitrary: fc.constantFrom(...RESERVED) },
    { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 2, arbitrary: fc.string({ minLength: 0, maxLength: 40, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ minLength: 0, maxLength: 12, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.string({ minLength: 60, maxLength: 300 }) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...NASTY), fc.stringMatching(/^[a-z]{1,6}$/)).map(([a, b]) => `${b}${a}`) },
  );
}

/** A value of the wrong type where a string or object is expected. */
export function wrongType() {
  return fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
    fc.constant(Number.NaN),
  );
}

/** An identifier, or (one time in six) a value of the wrong type. */
function nameOrWrong() {
  return fc.oneof({ weight: 5, arbitrary: identifier() }, { weight: 1, arbitrary: wrongType() });
}

/** A collection name: mostly the prepared table, else generated (never the sentinel itself). */
function collection() {
  return fc.oneof({ weight: 3, arbitrary: fc.constant(FUZZ_TABLE) }, { weight: 3, arbitrary: nameOrWrong() }).filter((n) => n !== SENTINEL);
}

const defaultValue = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ $fn: 'now' }),
  fc.constant({ $fn: 'drop' }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.string({ maxLength: 30, unit: 'grapheme' }),
);

/** A field definition: valid and invalid types, lengths, defaults with quotes, unknown options. */
export function field() {
  return fc.record(
    {
      name: nameOrWrong(),
      type: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...FIELD_TYPES) },
        { weight: 1, arbitrary: fc.constantFrom('varchar', 'int; DROP TABLE x', '', 'STRING') },
        { weight: 1, arbitrary: wrongType() },
      ),
      length: fc.oneof(fc.integer({ min: -5, max: 100_000 }), wrongType()),
      precision: fc.oneof(fc.integer({ min: -2, max: 80 }), wrongType()),
      scale: fc.integer({ min: -2, max: 40 }),
      required: fc.oneof(fc.boolean(), wrongType()),
      unique: fc.boolean(),
      default: defaultValue,
      enumValues: fc.oneof(fc.array(identifier(), { maxLength: 4 }), wrongType()),
      itemType: fc.oneof(fc.constantFrom(...FIELD_TYPES), wrongType()),
      autoIncrement: fc.boolean(),
      colour: fc.string({ maxLength: 4 }),
    },
    { requiredKeys: ['name', 'type'] },
  );
}

const indexFields = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.record({ name: nameOrWrong(), order: fc.oneof(fc.constantFrom('ASC', 'DESC'), identifier()) }, { requiredKeys: ['name'] }), { maxLength: 3 }) },
  { weight: 1, arbitrary: wrongType() },
);

/**
 * One generated operation as plain data: every op type (raw only with a wrong-typed body, since
 * raw text is trusted by design; the same for check expressions and partial-index predicates).
 * @example fc.sample(operation(), 1)[0].type
 */
export function operation() {
  return fc.oneof(
    fc.record({
      type: fc.constant('createCollection'),
      name: nameOrWrong().filter((n) => n !== SENTINEL),
      fields: fc.oneof({ weight: 5, arbitrary: fc.array(field(), { minLength: 0, maxLength: 4 }) }, { weight: 1, arbitrary: wrongType() }),
    }),
    fc.record({ type: fc.constant('addField'), collection: collection(), field: fc.oneof({ weight: 6, arbitrary: field() }, { weight: 1, arbitrary: wrongType() }) }),
    fc.record({ type: fc.constant('dropField'), collection: collection(), field: nameOrWrong() }),
    fc.record({ type: fc.constant('renameField'), collection: collection(), from: fc.oneof(fc.constant('name'), nameOrWrong()), to: nameOrWrong() }),
    fc.record({
      type: fc.constant('modifyField'),
      collection: collection(),
      field: fc.oneof(fc.constant('name'), nameOrWrong()),
      changes: fc.oneof(fc.record({ length: fc.oneof(fc.integer({ min: -1, max: 1000 }), wrongType()), required: fc.boolean(), default: defaultValue }, { requiredKeys: [] }), wrongType()),
    }),
    fc.record(
      { type: fc.constant('createIndex'), collection: collection(), name: nameOrWrong(), fields: indexFields, unique: fc.boolean() },
      { requiredKeys: ['type', 'collection', 'name', 'fields'] },
    ),
    fc.record({ type: fc.constant('dropIndex'), collection: collection(), name: nameOrWrong() }),
    fc.record({
      type: fc.constant('addConstraint'),
      collection: collection(),
      constraint: fc.oneof(
        fc.record({ type: fc.constant('unique'), name: nameOrWrong(), columns: fc.oneof(fc.array(nameOrWrong(), { maxLength: 2 }), wrongType()) }),
        fc.record({ type: fc.constantFrom('check', 'primaryKey', 'foreignKey', 'bogus'), name: nameOrWrong(), expression: wrongType() }),
        wrongType(),
      ),
    }),
    fc.record({ type: fc.constant('dropConstraint'), collection: collection(), name: nameOrWrong() }),
    fc.record({ type: fc.constant('dropCollection'), name: nameOrWrong().filter((n) => n !== SENTINEL) }),
    fc.record(
      { type: fc.constant('raw'), dialect: fc.oneof(identifier(), wrongType()), sql: wrongType(), command: fc.oneof(wrongType(), fc.constant('DROP TABLE x')) },
      { requiredKeys: ['type', 'dialect'] },
    ),
    fc.record({ type: fc.oneof(identifier(), wrongType()), name: nameOrWrong() }),
  );
}

/**
 * A whole case: one operation, or a builder call with generated arguments (wrong types included).
 * @example fc.sample(fuzzCase(), 1)
 */
export function fuzzCase() {
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('operation'), op: operation() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('builder'),
        method: fc.constantFrom('createCollection', 'addField', 'renameField', 'createIndex', 'dropField', 'dropCollection'),
        args: fc.array(fc.oneof(identifier(), wrongType(), field()), { maxLength: 4 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('name'), name: fc.oneof(identifier(), wrongType()) }) },
  );
}

/** Every collection name a case touches (strings only), to introspect before and after. */
export function touchedCollections(c) {
  const names = new Set([FUZZ_TABLE, SENTINEL]);
  const add = (v) => typeof v === 'string' && v.length > 0 && v.length <= 128 && !/[\u0000-\u001f]/.test(v) && names.add(v);
  if (c.kind === 'operation') {
    add(c.op.name);
    add(c.op.collection);
  } else if (c.kind === 'builder') add(c.args[0]);
  return [...names];
}
