import { resolveUpdate } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { aggregationExpression, evaluate, whereFilter } from '../../src/index.js';

const table = {
  name: 'users',
  fields: [
    { name: '_id', type: 'integer' as const, primaryKey: true },
    { name: 'first_name', type: 'string' as const },
    { name: 'last_name', type: 'string' as const },
    { name: 'full_name', type: 'string' as const },
    { name: 'n', type: 'integer' as const },
  ],
};

describe('data migrations: operators → aggregation pipeline updates (golden)', () => {
  it('compiles the spec example: $CONCAT of columns and text, where full_name is null', () => {
    const u = resolveUpdate({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, table);
    expect(aggregationExpression(u.set[0]!.value)).toEqual({
      $concat: [{ $ifNull: [{ $toString: '$first_name' }, ''] }, { $ifNull: [{ $toString: { $literal: ' ' } }, ''] }, { $ifNull: [{ $toString: '$last_name' }, ''] }],
    });
    expect(whereFilter(u.where)).toEqual({ $and: [{ full_name: null }] });
  });

  it('compiles every operator and condition', () => {
    const u = resolveUpdate(
      {
        table: 'users',
        data: { n: { $DIV: [{ $MUL: [{ $ADD: ['n', 1] }, { $SUB: ['n', 2] }] }, 3] }, full_name: { $COALESCE: ['full_name', { $LOWER: 'first_name' }, { $UPPER: { $literal: 'last_name' } }] } },
        where: { n: { $gte: 1, $lt: 10, $ne: 5 }, first_name: { $in: ['a', 'b'] } },
      },
      table,
    );
    expect(aggregationExpression(u.set[0]!.value)).toEqual({ $divide: [{ $multiply: [{ $add: ['$n', { $literal: 1 }] }, { $subtract: ['$n', { $literal: 2 }] }] }, { $literal: 3 }] });
    expect(aggregationExpression(u.set[1]!.value)).toEqual({
      $ifNull: [
        '$full_name',
        {
          $ifNull: [
            { $cond: [{ $eq: [{ $ifNull: ['$first_name', null] }, null] }, null, { $toLower: '$first_name' }] },
            { $cond: [{ $eq: [{ $ifNull: [{ $literal: 'last_name' }, null] }, null] }, null, { $toUpper: { $literal: 'last_name' } }] },
          ],
        },
      ],
    });
    expect(whereFilter(u.where)).toEqual({ $and: [{ n: { $gte: 1 } }, { n: { $lt: 10 } }, { n: { $ne: 5 } }, { first_name: { $in: ['a', 'b'] } }] });
    expect(aggregationExpression({ kind: 'column', name: 'a.b' })).toEqual({ $getField: { $literal: 'a.b' } });
  });

  it('evaluates the same semantics in JS for servers without pipeline updates', () => {
    const u = resolveUpdate({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] }, n: { $ADD: ['n', 1] } } }, table);
    expect(evaluate(u.set[0]!.value, { first_name: 'Ada', last_name: null })).toBe('Ada ');
    expect(evaluate(u.set[1]!.value, { n: 41 })).toBe(42);
    expect(evaluate(u.set[1]!.value, {})).toBeNull();
    expect(evaluate({ kind: 'call', op: '$LOWER', args: [{ kind: 'column', name: 'x' }] }, {})).toBeNull();
    expect(() =>
      evaluate(
        {
          kind: 'call',
          op: '$DIV',
          args: [
            { kind: 'literal', value: 1 },
            { kind: 'literal', value: 0 },
          ],
        },
        {},
      ),
    ).toThrow(/division by zero/);
  });
});
