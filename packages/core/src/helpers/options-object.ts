import { InvalidArgumentError } from '../errors/errors.js';

/**
 * An options argument: `undefined` becomes `{}`, anything but a plain object is a typed error.
 * @example const { cascade } = optionsObject(options, 'drop options');
 */
export function optionsObject<T extends object>(value: T | undefined | null, what: string): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArgumentError(what, 'an object', value);
  return value;
}
