import { describe, expect, it } from 'vitest';
import { ValidationError, columnSize } from '../src/index.js';

describe('columnSize', () => {
  it('answers a whole number at or above the minimum', () => {
    expect(columnSize(255, 'length', 1, 'MySQL column type')).toBe(255);
    expect(columnSize(0, 'scale', 0, 'MySQL column type')).toBe(0);
  });

  it('refuses anything else with a ValidationError naming the subject and the path', () => {
    expect(() => columnSize(0, 'length', 1, 'PostgreSQL column type')).toThrow('PostgreSQL column type is invalid (1 problem): length: must be a positive integer, got 0');
    expect(() => columnSize(-1, 'scale', 0, 'MySQL column type')).toThrow('scale: must be a non-negative integer, got -1');
    expect(() => columnSize(2.5, 'precision', 1, 'MySQL column type')).toThrow(ValidationError);
    expect(() => columnSize(Number.NaN, 'precision', 1, 'MySQL column type')).toThrow('got NaN');
  });
});
