import { describe, expect, it } from 'vitest';
import { resolveUpdate, type CollectionSnapshot } from '../src/index.js';

const users: CollectionSnapshot = {
  name: 'users',
  fields: [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'first_name', type: 'string' },
    { name: 'last_name', type: 'string' },
    { name: 'full_name', type: 'string' },
    { name: 'score', type: 'integer' },
  ],
};

describe('resolveUpdate', () => {
  it('decides the spec example: column names inside operators, other strings as text', () => {
    const r = resolveUpdate({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, users);
    expect(r).toEqual({
      table: 'users',
      key: ['id'],
      set: [
        {
          column: 'full_name',
          value: {
            kind: 'call',
            op: '$CONCAT',
            args: [
              { kind: 'column', name: 'first_name' },
              { kind: 'literal', value: ' ' },
              { kind: 'column', name: 'last_name' },
            ],
          },
        },
      ],
      where: [{ column: 'full_name', op: 'isNull' }],
    });
  });

  it('treats a top-level string as a literal and honours $col / $literal', () => {
    const r = resolveUpdate({ table: 'users', data: { full_name: 'first_name', last_name: { $UPPER: { $literal: 'first_name' } }, score: { $ADD: [{ $col: 'score' }, 1] } } }, users);
    expect(r.set.map((s) => s.value)).toEqual([
      { kind: 'literal', value: 'first_name' },
      { kind: 'call', op: '$UPPER', args: [{ kind: 'literal', value: 'first_name' }] },
      {
        kind: 'call',
        op: '$ADD',
        args: [
          { kind: 'column', name: 'score' },
          { kind: 'literal', value: 1 },
        ],
      },
    ]);
  });

  it('resolves comparisons and $in', () => {
    const r = resolveUpdate({ table: 'users', data: { score: 0 }, where: { score: { $gte: 10, $lt: 20 }, id: { $in: [1, 2] }, first_name: 'Ada' } }, users);
    expect(r.where).toEqual([
      { column: 'score', op: 'gte', value: 10 },
      { column: 'score', op: 'lt', value: 20 },
      { column: 'id', op: 'in', value: [1, 2] },
      { column: 'first_name', op: 'eq', value: 'Ada' },
    ]);
  });

  it.each([
    [{ table: 'users', data: {} }, 'DUCTAPE_INVALID_ARGUMENT'],
    [{ table: 'users', data: { nope: 1 } }, 'DUCTAPE_VALIDATION'],
    [{ table: 'users', data: { score: 1 }, where: { nope: 1 } }, 'DUCTAPE_VALIDATION'],
    [{ table: 'users', data: { score: { $POW: [1, 2] } } }, 'DUCTAPE_INVALID_ARGUMENT'],
    [{ table: 'users', data: { score: { $ADD: [1] } } }, 'DUCTAPE_INVALID_ARGUMENT'],
    [{ table: 'users', data: { score: { $col: 'nope' } } }, 'DUCTAPE_INVALID_ARGUMENT'],
    [{ table: 'users', data: { score: 1 }, where: { score: { $in: [] } } }, 'DUCTAPE_INVALID_ARGUMENT'],
    [{ table: 'users', data: { score: 1 }, where: { score: { $like: 'x' } } }, 'DUCTAPE_INVALID_ARGUMENT'],
    [{ table: 'users', data: { score: 1 }, where: { score: [1] } }, 'DUCTAPE_INVALID_ARGUMENT'],
  ])('refuses %j with %s', (request, code) => {
    expect(() => resolveUpdate(request as never, users)).toThrow(expect.objectContaining({ code }));
  });

  it('needs a primary key to batch', () => {
    expect(() => resolveUpdate({ table: 't', data: { a: 1 } }, { name: 't', fields: [{ name: 'a', type: 'integer' }] })).toThrow(/primary key/);
  });
});
