import { MigrationEngine } from '@ductape/core';

/**
 * One runner: `engine.upAll(migrations)` on an adapter, reporting progress events and a count
 * of outcomes. Used by the child process and, for embedded databases, in process.
 * @example const { outcomes } = await runUp(adapter, migrations, { engine: { leaseMs: 3000 } });
 * @param {import('@ductape/core').Adapter} adapter
 * @param {import('@ductape/core').Migration[]} migrations
 * @param {{ engine?: object, up?: object, onEvent?: (e: object) => void }} [options]
 */
export async function runUp(adapter, migrations, options = {}) {
  const engine = new MigrationEngine(adapter, { ...(options.engine ?? {}), onProgress: options.onEvent });
  const results = await engine.upAll(migrations, options.up ?? {});
  const outcomes = {};
  for (const r of results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  return { outcomes, results };
}

/**
 * A plain description of any thrown value (class name, code, message, stack) for reports and
 * the secrets checks.
 * @example describeError(new TypeError('x')) // { name: 'TypeError', code: undefined, message: 'x', ... }
 * @param {unknown} error
 */
export function describeError(error) {
  if (!(error instanceof Error)) return { name: typeof error, code: undefined, message: String(error), stack: '', ductape: false };
  return { name: error.constructor?.name ?? error.name, code: /** @type {any} */ (error).code, message: error.message, stack: error.stack ?? '', ductape: isDuctapeError(error) };
}

/**
 * True for an error the library threw on purpose: a DuctapeError (by class chain) with a DUCTAPE_ code.
 * Checked by prototype chain name as well, since a child process or a second copy of core makes
 * `instanceof` unreliable.
 * @example isDuctapeError(new ValidationError('m', [])) // true
 * @param {unknown} error
 */
export function isDuctapeError(error) {
  if (!(error instanceof Error)) return false;
  const code = /** @type {any} */ (error).code;
  if (typeof code !== 'string' || !code.startsWith('DUCTAPE_')) return false;
  for (let p = Object.getPrototypeOf(error); p; p = Object.getPrototypeOf(p)) if (p.constructor?.name === 'DuctapeError') return true;
  return false;
}
