import { ValidationError } from '../errors/errors.js';

/**
 * A column size a compiler writes into a type (`VARCHAR(n)`, `numeric(p, s)`): `n` when it is a
 * whole number of at least `min` (1 for a length or precision, 0 for a scale), else a
 * ValidationError about `subject` (e.g. 'MySQL column type') with an `invalid_type` issue at `path`.
 * @example columnSize(255, 'length', 1, 'MySQL column type') // 255
 * @example columnSize(-1, 'scale', 0, 'PostgreSQL column type') // throws: scale: must be a non-negative integer, got -1
 */
export function columnSize(n: number, path: string, min: 0 | 1, subject: string): number {
  if (Number.isInteger(n) && n >= min) return n;
  const message = `must be a ${min === 1 ? 'positive' : 'non-negative'} integer, got ${String(n)}`;
  throw new ValidationError(subject, [{ code: 'invalid_type', path, message }]);
}
