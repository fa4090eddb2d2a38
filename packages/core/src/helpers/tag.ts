import { InvalidArgumentError } from '../errors/errors.js';
import { migrationNameProblem } from './identifiers.js';

/** `YYYYMMDD_HHMMSS_name` */
export const TAG_PATTERN = /^(\d{8})_(\d{6})_(.+)$/;

/**
 * `YYYYMMDD_HHMMSS_name` in UTC.
 * @example generateTag('create_users', new Date('2024-01-15T14:30:52Z')) // '20240115_143052_create_users'
 */
export function generateTag(name: string, at: Date = new Date()): string {
  const problem = migrationNameProblem(name);
  if (problem) throw new InvalidArgumentError('the migration name', 'a name of letters, digits, _ and -', name);
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new InvalidArgumentError('the date', 'a valid Date', at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${p(at.getUTCFullYear(), 4)}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}`;
  const time = `${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
  return `${date}_${time}_${name}`;
}
