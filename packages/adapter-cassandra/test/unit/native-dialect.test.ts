import { UnsupportedOperationError } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { columnType } from '../../src/compile/column-type.js';

// Issue 25: a native type says which database it is for; a direct compile refuses another's, naming both.
describe('native type dialect (Cassandra)', () => {
  it('runs its own; refuses another database’s and PostgreSQL’s own types before any IO', () => {
    expect(columnType({ type: 'native', native: 'set<text>', dialect: 'cassandra' }, 't.tags')).toBe('set<text>');
    expect(() => columnType({ type: 'native', native: 'text[]', dialect: 'postgresql' }, 't.tags')).toThrow(/"text\[\]" declared for postgresql.*runs cassandra/);
    expect(() => columnType({ type: 'inet' }, 't.ip')).toThrow(UnsupportedOperationError);
    expect(columnType({ type: 'native', native: 'timeuuid' }, 't.at')).toBe('timeuuid');
  });
});
