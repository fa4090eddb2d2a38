import type { Adapter } from '../adapter/adapter.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { optionsObject } from '../helpers/options-object.js';
import type { EngineOptions, UpOptions } from './engine-options.js';

/**
 * True when `value` has the shape of an Adapter (duck-typed, so third-party adapters work).
 * @example isAdapter(new MemoryAdapter()) // true
 */
export function isAdapter(value: unknown): value is Adapter {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Partial<Record<keyof Adapter, unknown>>;
  return (
    typeof a.name === 'string' &&
    typeof a.compile === 'function' &&
    typeof a.execute === 'function' &&
    typeof a.withSession === 'function' &&
    typeof a.capabilities === 'object' &&
    a.capabilities !== null &&
    typeof a.history === 'object' &&
    a.history !== null &&
    typeof a.lock === 'object' &&
    a.lock !== null
  );
}

/** Throws InvalidArgumentError for an option of the wrong type. */
export function checkEngineOptions(options: unknown): asserts options is EngineOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('engine options', 'an object', options);
  const o = options as Record<string, unknown>;
  for (const key of ['lockTimeoutMs', 'leaseMs'] as const) {
    const v = o[key];
    if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) throw new InvalidArgumentError(key, 'a positive number of milliseconds', v);
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') throw new InvalidArgumentError('onProgress', 'a function', o.onProgress);
  if (o.owner !== undefined && typeof o.owner !== 'string') throw new InvalidArgumentError('owner', 'a string', o.owner);
}

const RECOVERIES = ['resume', 'compensate', 'mark-ran', 'rerun'];

/**
 * The options of up/upAll as an object, `recover` checked (a typo must not fall back to resume).
 * @example const options = upOptionsOf({ recover: 'compensate' }, 'up options');
 */
export function upOptionsOf<T extends UpOptions>(value: T | undefined, what: string): Partial<T> {
  const options = optionsObject(value, what);
  if (options.recover !== undefined && !RECOVERIES.includes(options.recover)) throw new InvalidArgumentError(`${what}.recover`, RECOVERIES.map((r) => `'${r}'`).join(', '), options.recover);
  return options;
}
