import { describe, expect, it } from 'vitest';
import { type CollectionSnapshot, type UpdateRequest, resolveUpdate } from '../src/index.js';

// Issue 16 defect 9: values and operators are checked against the introspected column types
// before any IO, with a typed error that names the column and what to pass instead.
const people: CollectionSnapshot = {
  name: 'people',
  fields: [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'age', type: 'integer' },
    { name: 'small', type: 'smallint' },
    { name: 'big', type: 'bigint' },
    { name: 'price', type: 'decimal', precision: 10, scale: 2 },
    { name: 'name', type: 'string', length: 5 },
    { name: 'bio', type: 'text' },
    { name: 'email', type: 'string', length: 255, required: true },
    { name: 'active', type: 'boolean' },
    { name: 'born', type: 'date' },
    { name: 'seen', type: 'timestamp' },
    { name: 'ref', type: 'uuid' },
    { name: 'status', type: 'enum', enumValues: ['a', 'b'] },
    { name: 'meta', type: 'json' },
    { name: 'vector', type: 'native' as never },
  ],
};

const issues = (request: Omit<UpdateRequest, 'table'>) => {
  try {
    resolveUpdate({ table: 'people', ...request } as UpdateRequest, people);
    return [];
  } catch (error) {
    expect(error).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    return (error as { issues: { path: string; message: string }[] }).issues.map((i) => `${i.path}: ${i.message}`);
  }
};

describe('db.update type checks (before IO)', () => {
  it('refuses text into an integer column, naming the column and what to pass', () => {
    expect(issues({ data: { age: 'abc' } })).toEqual(['data.age: "age" is integer and "abc" is text: pass a whole number such as 42 (or null)']);
    expect(issues({ data: { age: 4.5 } })[0]).toContain('pass a whole number such as 5');
    expect(issues({ data: { small: 40_000 } })[0]).toContain('out of its range -32768..32767');
  });

  it('refuses arithmetic on text and says which argument', () => {
    expect(issues({ data: { name: { $ADD: ['name', 1] } } })).toEqual([
      'data.name.$ADD[0]: $ADD works on numbers and column "name" is string(5): use a numeric column or a number',
      'data.name: "name" is string and $ADD gives a number: wrap it in $CONCAT to store it as text, e.g. { $CONCAT: [\'age\'] }',
    ]);
    expect(issues({ data: { age: { $ADD: ['age', 'one'] } } })[0]).toContain('"one" is text (a string that names no column is text)');
    expect(issues({ data: { age: { $DIV: ['age', 0] } } })[0]).toContain('$DIV by the literal 0');
  });

  it('refuses a text result into a number column and mixed $COALESCE', () => {
    expect(issues({ data: { age: { $CONCAT: ['name', '!'] } } })[0]).toContain('"age" is integer and $CONCAT gives text');
    expect(issues({ data: { age: { $COALESCE: ['age', 'n/a'] } } })[0]).toContain('$COALESCE mixes number and text');
    expect(issues({ data: { age: { $col: 'name' } } })[0]).toContain('"age" is integer and column "name" is text');
  });

  it('checks NOT NULL, length, uuid, boolean, dates, enum, json and where values', () => {
    expect(issues({ data: { email: null } })[0]).toContain('required (NOT NULL): pass a value');
    expect(issues({ data: { name: 'abcdef' } })[0]).toContain('has 6 characters: pass at most 5');
    expect(issues({ data: { ref: 'nope' } })[0]).toContain('pass a UUID');
    expect(issues({ data: { active: 'yes' } })[0]).toContain('pass true or false');
    expect(issues({ data: { born: '15/01/2024' } })[0]).toContain('pass ISO 8601 text such as "2024-01-15"');
    expect(issues({ data: { status: 'c' } })[0]).toContain('pass one of "a", "b"');
    expect(issues({ data: { meta: 'not json' } })[0]).toContain('pass JSON text');
    expect(issues({ data: { age: 1 }, where: { age: { $in: [1, 'x'] } } })).toEqual(['where.age: "age" is integer and "x" is text: pass a whole number such as 42']);
  });

  it('accepts what fits, and never refuses a type it does not know', () => {
    expect(
      issues({
        data: {
          age: { $ADD: ['age', 1] },
          big: '9007199254740993',
          price: { $MUL: ['price', 1.1] },
          name: { $UPPER: 'name' },
          bio: { $CONCAT: ['name', ' is ', 'age'] },
          active: false,
          born: '2024-01-15',
          seen: '2024-01-15T14:30:00Z',
          ref: '0b7e5c5e-8f8a-4f7e-9a53-2d1f0c1c3b9a',
          status: 'a',
          meta: '{"a":1}',
          vector: 'anything',
        },
        where: { age: { $gte: 1 }, name: null, email: 'x@y' },
      }),
    ).toEqual([]);
  });
});
