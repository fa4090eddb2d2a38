import { UnsupportedOperationError } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { attributeTypeOf } from '../../src/compile/attribute-type.js';

// Issue 25: a native type says which database it is for; a direct compile refuses another's, naming both.
describe('native type dialect (DynamoDB)', () => {
  it('runs its own; refuses another database’s before any IO', () => {
    expect(attributeTypeOf({ type: 'native', native: 'SS', dialect: 'dynamodb' })).toBe('SS');
    expect(() => attributeTypeOf({ type: 'native', native: 'objectId', dialect: 'mongodb' })).toThrow(UnsupportedOperationError);
    expect(() => attributeTypeOf({ type: 'native', native: 'objectId', dialect: 'mongodb' })).toThrow(/"objectId" declared for mongodb.*runs dynamodb/);
    expect(attributeTypeOf({ type: 'native', native: 'NS' })).toBe('NS');
  });
});
