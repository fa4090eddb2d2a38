import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { IndexKeyTooLongError } from './index-key-error.js';
import { DYNAMIC_LIMITS, indexKeyProblem, type KeyColumn, type KeyIndex, type KeyLimits } from './index-key-length.js';

/**
 * Throws IndexKeyTooLongError when index `name` of `table` cannot be built as written on the
 * columns known here (the others are checked when the step runs).
 * @example assertIndexFits('posts', 'ix', { fields: [{ name: 'body' }] }, columns, MYSQL_DIALECT, 'compile')
 */
export function assertIndexFits(
  table: string,
  name: string,
  index: KeyIndex,
  columns: ReadonlyMap<string, KeyColumn>,
  dialect: MysqlCompileSettings,
  when: 'compile' | 'execute',
  limits: KeyLimits = DYNAMIC_LIMITS,
): void {
  const problem = indexKeyProblem(index, (c) => columns.get(c), dialect, limits);
  if (problem) throw new IndexKeyTooLongError(table, name, problem, when);
}
