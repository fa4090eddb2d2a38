import { resolveUpdate } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { setExpression } from '../../src/index.js';

const table = {
  name: 't',
  fields: [
    { name: '_id', type: 'integer' as const, primaryKey: true },
    { name: 'n', type: 'integer' as const },
    { name: 'big', type: 'bigint' as const },
    { name: 'x', type: 'double' as const },
    { name: 'ok', type: 'boolean' as const },
    { name: 's', type: 'string' as const },
  ],
};
const types = new Map(table.fields.map((f) => [f.name, String(f.type)]));
const set = (data: Record<string, unknown>) => {
  const u = resolveUpdate({ table: 't', data: data as never }, table);
  return u.set.map((s) => setExpression(s.column, s.value, types));
};

// Issue 19: the pipeline update has the shared evaluator's (PostgreSQL's) semantics where the
// aggregation operators differ: booleans in $CONCAT print t/f, integer ÷ integer truncates, an
// arithmetic result stored in an integer field is rounded half to even ($round) and converted.
describe('pipeline updates follow core’s evaluator', () => {
  it('$CONCAT of a boolean field or literal prints t/f; $UPPER of a boolean casts it to text first', () => {
    expect(set({ s: { $CONCAT: ['ok', true] } })).toEqual([{ $concat: [{ $cond: [{ $eq: ['$ok', true] }, 't', { $cond: [{ $eq: ['$ok', false] }, 'f', ''] }] }, { $literal: 't' }] }]);
    expect(set({ s: { $UPPER: 'ok' } })).toEqual([{ $cond: [{ $eq: [{ $ifNull: ['$ok', null] }, null] }, null, { $toUpper: { $toString: '$ok' } }] }]);
  });

  it('integer ÷ integer truncates; arithmetic into an integer field is rounded and converted, into a double it is not', () => {
    expect(set({ n: { $DIV: ['n', 2] } })).toEqual([{ $toInt: { $round: [{ $trunc: [{ $divide: ['$n', { $literal: 2 }] }, 0] }, 0] } }]);
    expect(set({ big: { $MUL: ['n', 1.5] } })).toEqual([{ $toLong: { $round: [{ $multiply: ['$n', { $literal: 1.5 }] }, 0] } }]);
    expect(set({ x: { $DIV: ['x', 2] } })).toEqual([{ $divide: ['$x', { $literal: 2 }] }]);
  });
});
