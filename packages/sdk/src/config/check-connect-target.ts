import { DuctapeError, ErrorCodes, InvalidArgumentError } from '@ductape/core';

const KEYS = ['env', 'product', 'database'] as const;
const EXAMPLE = "db.connect({ env: 'dev', product: 'my-app', database: 'main-db' })";

/**
 * Refuses a connect() target that does not name env, product and database as non-empty strings,
 * saying which are missing and how to give them.
 * @example checkConnectTarget({ env: 'dev' }) // throws: connect() is missing product and database — …
 */
export function checkConnectTarget(target: unknown): asserts target is { env: string; product: string; database: string } {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) {
    throw new InvalidArgumentError('the argument of connect()', `an object { env, product, database }, e.g. ${EXAMPLE}`, target);
  }
  const t = target as Record<string, unknown>;
  const missing = KEYS.filter((k) => t[k] === undefined || t[k] === null || t[k] === '');
  if (missing.length > 0) {
    throw new DuctapeError(
      ErrorCodes.invalidArgument,
      `connect() is missing ${list(missing)}${missing.length < KEYS.length ? ` (it got ${list(KEYS.filter((k) => !missing.includes(k)))})` : ''}`,
      `pass all three as non-empty strings, e.g. ${EXAMPLE}: env is the environment (dev, staging, prd…), product and database name the entry in ductape.config.* or the variable DUCTAPE_<PRODUCT>_<DATABASE>_<ENV>_URL`,
    );
  }
  for (const k of KEYS) if (typeof t[k] !== 'string') throw new InvalidArgumentError(`connect({ ${k} })`, 'a non-empty string', t[k]);
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
