import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '@ductape/sdk';
import { compareCollection } from '../../src/drift/compare.js';

// Issue 24: text sizes, unsigned and withTimeZone in drift, without reporting what an earlier
// release (or another database) made as the migration said.
const expected = (...fields: FieldDefinition[]) => ({ dropped: false as const, fields: new Map(fields.map((f) => [f.name, f])) });
const live = (...fields: FieldDefinition[]) => ({ name: 't', fields, indexes: [], constraints: [] });

describe('drift of type options', () => {
  it('a plain text read back as TEXT (size regular, an earlier release) or with no size (PostgreSQL) is no drift', () => {
    expect(compareCollection('t', expected({ name: 'b', type: 'text' }), live({ name: 'b', type: 'text', size: 'regular' }))).toEqual([]);
    expect(compareCollection('t', expected({ name: 'b', type: 'text', size: 'long' }), live({ name: 'b', type: 'text' }))).toEqual([]);
  });

  it('a size both sides state, and a lost unsigned, are drift', () => {
    expect(compareCollection('t', expected({ name: 'b', type: 'text', size: 'medium' }), live({ name: 'b', type: 'text', size: 'regular' }))).toMatchObject([{ kind: 'changed-field', field: 'b' }]);
    expect(compareCollection('t', expected({ name: 'n', type: 'integer', unsigned: true }), live({ name: 'n', type: 'integer' }))).toMatchObject([
      { kind: 'changed-field', expected: 'integer, unsigned, null', actual: 'integer, null' },
    ]);
  });

  it('withTimeZone: a zoned datetime read back as timestamp (PostgreSQL) or as datetime (MySQL) is no drift', () => {
    expect(compareCollection('t', expected({ name: 'at', type: 'datetime', withTimeZone: true }), live({ name: 'at', type: 'timestamp' }))).toEqual([]);
    expect(compareCollection('t', expected({ name: 'at', type: 'datetime', withTimeZone: true }), live({ name: 'at', type: 'datetime' }))).toEqual([]);
    expect(compareCollection('t', expected({ name: 'at', type: 'timestamp', withTimeZone: false }), live({ name: 'at', type: 'datetime' }))).toEqual([]);
    expect(compareCollection('t', expected({ name: 'at', type: 'datetime' }), live({ name: 'at', type: 'timestamp' }))).toHaveLength(1);
  });
});
