import { describe, expect, it } from 'vitest';
import { type CollectionSnapshot, type ResolvedCondition, type UpdateRequest, evaluateExpression, resolveUpdate, rowMatches, updateEvaluator } from '../src/index.js';

// Issue 19: the one client-side evaluator of db.update (DynamoDB, Cassandra, MongoDB without
// pipeline updates). Every value below is what PostgreSQL gives for the same data (checked on
// PGlite 0.x: concat('a', null, true, 1.5::float8, 42) = 'at1.542', 7/2 = 3, (-7)/2 = -3,
// (2.5::float8)::int = 2, 1/0 → 22012, 2147483647::int + 1 → 22003, 'a' < 'B' is false).
const table: CollectionSnapshot = {
  name: 't',
  fields: [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'n', type: 'integer' },
    { name: 'm', type: 'integer' },
    { name: 'big', type: 'bigint' },
    { name: 'x', type: 'double' },
    { name: 'price', type: 'decimal' },
    { name: 'first', type: 'string' },
    { name: 'last', type: 'string' },
    { name: 'full', type: 'string' },
    { name: 'ok', type: 'boolean' },
  ],
};

const compute = (data: UpdateRequest['data'], row: Record<string, unknown>) => updateEvaluator(resolveUpdate({ table: 't', data }, table), table.fields).values(row);
const one = (expr: UpdateRequest['data'][string], row: Record<string, unknown>, column = 'full') => compute({ [column]: expr }, row)[column];
const matches = (where: UpdateRequest['where'], row: Record<string, unknown>) => updateEvaluator(resolveUpdate({ table: 't', data: { n: 1 }, where }, table), table.fields).matches(row);

describe('db.update values (PostgreSQL semantics)', () => {
  it('$CONCAT: NULL, undefined and a missing column count as empty text; booleans print t/f, numbers shortest', () => {
    expect(one({ $CONCAT: ['first', ' ', 'last'] }, { first: 'Ada', last: 'Lovelace' })).toBe('Ada Lovelace');
    expect(one({ $CONCAT: ['first', ' ', 'last'] }, { first: 'Ada', last: null })).toBe('Ada ');
    expect(one({ $CONCAT: ['first', ' ', 'last'] }, { first: 'Ada', last: undefined })).toBe('Ada ');
    expect(one({ $CONCAT: ['first', ' ', 'last'] }, { first: 'Ada' })).toBe('Ada ');
    expect(one({ $CONCAT: ['first', 'last'] }, {})).toBe('');
    expect(one({ $CONCAT: ['a', 'ok', 'x', 'n', 'big'] }, { ok: true, x: 1.5, n: 42, big: 9007199254740993n })).toBe('at1.5429007199254740993');
    expect(one({ $CONCAT: ['ok'] }, { ok: false })).toBe('f');
  });

  it('$COALESCE takes the first non-NULL (undefined and missing are NULL), NULL when all are', () => {
    expect(one({ $COALESCE: ['full', 'first', 'last'] }, { full: undefined, first: null, last: 'L' })).toBe('L');
    expect(one({ $COALESCE: ['full', 'first'] }, {})).toBeNull();
    expect(one({ $COALESCE: ['full', 'first'] }, { full: '', first: 'x' })).toBe(''); // empty text is not NULL
  });

  it('$LOWER/$UPPER: NULL stays NULL; a boolean is cast as text (true, not t)', () => {
    expect(one({ $UPPER: 'first' }, { first: 'ada' })).toBe('ADA');
    expect(one({ $LOWER: 'first' }, { first: 'ÄDA' })).toBe('äda');
    expect(one({ $UPPER: 'first' }, {})).toBeNull();
    expect(one({ $LOWER: 'first' }, { first: undefined })).toBeNull();
    expect(one({ $UPPER: 'ok' }, { ok: true })).toBe('TRUE');
  });

  it('arithmetic: NULL (undefined, missing) in gives NULL out; integer ÷ integer truncates toward zero', () => {
    expect(one({ $ADD: ['n', 1] }, { n: 41 }, 'n')).toBe(42);
    expect(one({ $ADD: ['n', 1] }, { n: null }, 'n')).toBeNull();
    expect(one({ $ADD: ['n', 1] }, {}, 'n')).toBeNull();
    expect(one({ $SUB: ['n', 'm'] }, { n: 1, m: undefined }, 'n')).toBeNull();
    expect(one({ $MUL: ['n', 'm'] }, { n: 6, m: 7 }, 'n')).toBe(42);
    expect(one({ $DIV: ['n', 2] }, { n: 7 }, 'n')).toBe(3);
    expect(one({ $DIV: ['n', 2] }, { n: -7 }, 'n')).toBe(-3);
    expect(one({ $DIV: ['n', 'm'] }, { n: 7, m: 2 }, 'x')).toBe(3); // integer ÷ integer, stored in a double column
    expect(one({ $DIV: ['x', 2] }, { x: 7 }, 'x')).toBe(3.5); // a double column holding 7.0
    expect(one({ $DIV: ['n', 2.0] }, { n: 7 }, 'x')).toBe(3); // 2.0 is a whole number: bigint, as PostgreSQL binds it
    expect(one({ $DIV: ['n', 2.5] }, { n: 5 }, 'x')).toBe(2);
    expect(one({ $ADD: ['price', 1] }, { price: '12.25' }, 'price')).toBe(13.25); // decimal read as text
  });

  it('a computed value into an integer column rounds half to even and is range-checked (22003)', () => {
    expect(one({ $MUL: ['n', 1.5] }, { n: 5 }, 'n')).toBe(8); // 7.5
    expect(one({ $MUL: ['n', 0.5] }, { n: 5 }, 'n')).toBe(2); // 2.5
    expect(one({ $MUL: ['n', 0.5] }, { n: -5 }, 'n')).toBe(-2); // -2.5
    expect(() => one({ $ADD: ['n', 1] }, { n: 2147483647 }, 'n')).toThrow(expect.objectContaining({ code: '22003', message: expect.stringContaining('"n"') }));
    expect(one({ $ADD: ['n', 1] }, { n: 2147483647 }, 'big')).toBe(2147483648);
    expect(one({ $ADD: ['big', 2] }, { big: 9007199254740993n }, 'big')).toBe(9007199254740995n); // exact past 2^53
    expect(one({ $ADD: ['big', 2] }, { big: '9007199254740993' }, 'big')).toBe(9007199254740995n); // bigint read as text
  });

  it('division by zero fails the row with 22012, integer or not, and not when a side is NULL', () => {
    expect(() => one({ $DIV: ['n', 'm'] }, { n: 1, m: 0 }, 'n')).toThrow(expect.objectContaining({ code: '22012', name: 'RowEvaluationError' }));
    expect(() => one({ $DIV: ['x', 'm'] }, { x: 1.5, m: 0 }, 'x')).toThrow(expect.objectContaining({ code: '22012' }));
    expect(one({ $DIV: ['n', 'm'] }, { n: null, m: 0 }, 'n')).toBeNull();
  });

  it('literals and plain values: a top-level value is a literal, null sets NULL', () => {
    expect(compute({ full: 'first', n: null, ok: true }, { first: 'Ada' })).toEqual({ full: 'first', n: null, ok: true });
    expect(one({ $CONCAT: [{ $literal: 'first' }, { $col: 'last' }] }, { first: 'A', last: 'L' })).toBe('firstL');
  });

  it('evaluateExpression without column types treats numbers as double precision', () => {
    expect(
      evaluateExpression(
        {
          kind: 'call',
          op: '$DIV',
          args: [
            { kind: 'column', name: 'n' },
            { kind: 'column', name: 'm' },
          ],
        },
        { n: 7, m: 2 },
      ),
    ).toBe(3.5);
  });
});

describe('db.update where (PostgreSQL semantics)', () => {
  it('null matches NULL, undefined and a missing column; a value never matches NULL', () => {
    for (const row of [{ full: null }, { full: undefined }, {}]) {
      expect(matches({ full: null }, row)).toBe(true);
      expect(matches({ full: 'x' }, row)).toBe(false);
      expect(matches({ full: { $gt: 'a' } }, row)).toBe(false);
      expect(matches({ full: { $in: ['x'] } }, row)).toBe(false);
      expect(matches({ full: { $eq: null } }, row)).toBe(true);
    }
    expect(matches({ full: null }, { full: '' })).toBe(false); // empty text is not NULL
  });

  it('$ne: v also matches NULL (IS DISTINCT FROM); $ne: null is IS NOT NULL', () => {
    expect(matches({ full: { $ne: 'x' } }, {})).toBe(true);
    expect(matches({ full: { $ne: 'x' } }, { full: undefined })).toBe(true);
    expect(matches({ full: { $ne: 'x' } }, { full: 'x' })).toBe(false);
    expect(matches({ full: { $ne: null } }, {})).toBe(false);
    expect(matches({ full: { $ne: null } }, { full: 'y' })).toBe(true);
  });

  it('comparisons: numbers by value (numeric text too), text by code point, booleans false < true; all conditions must hold', () => {
    expect(matches({ n: { $gt: 9 } }, { n: 10 })).toBe(true);
    expect(matches({ n: { $gte: 10, $lt: 11 } }, { n: 10 })).toBe(true);
    expect(matches({ n: { $lte: 9 } }, { n: 10 })).toBe(false);
    expect(matches({ big: { $gt: '9007199254740992' } }, { big: 9007199254740993n })).toBe(true);
    expect(matches({ price: { $lt: 13 } }, { price: '12.50' })).toBe(true);
    expect(matches({ first: { $lt: 'b' } }, { first: 'B' })).toBe(true); // 'B' (66) < 'b' (98)
    expect(matches({ first: { $gt: 'z' } }, { first: 'é' })).toBe(true);
    expect(matches({ first: { $gt: '\uffff' } }, { first: '😀' })).toBe(true); // code points, not UTF-16 units
    expect(matches({ ok: { $gt: false } }, { ok: true })).toBe(true);
    expect(matches({ n: 1, full: null }, { n: 1, full: 'x' })).toBe(false);
    expect(matches({ n: { $in: [1, 2] } }, { n: 2 })).toBe(true);
    expect(matches(undefined, {})).toBe(true);
  });

  it('rowMatches: values of different kinds never match (the checks before IO refuse them anyway)', () => {
    const where: ResolvedCondition[] = [{ column: 'n', op: 'eq', value: '1' }];
    expect(rowMatches(where, { n: true })).toBe(false);
  });
});
