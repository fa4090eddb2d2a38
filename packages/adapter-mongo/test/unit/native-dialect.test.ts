import { UnsupportedOperationError } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { propertySchema } from '../../src/compile/property-schema.js';

// Issue 25: a native type says which database it is for; a direct compile refuses another's, naming both.
describe('native type dialect (MongoDB)', () => {
  it('runs its own; refuses another database’s before any IO', () => {
    expect(propertySchema({ type: 'native', native: 'objectId', dialect: 'mongodb', required: true })).toEqual({ bsonType: 'objectId' });
    expect(() => propertySchema({ type: 'native', native: 'tsvector', dialect: 'postgresql' })).toThrow(UnsupportedOperationError);
    expect(() => propertySchema({ type: 'native', native: 'tsvector', dialect: 'postgresql' })).toThrow(/"tsvector" declared for postgresql.*runs mongodb/);
  });
});
