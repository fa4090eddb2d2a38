/**
 * A Date as a DATETIME(3) literal in UTC (the adapter's sessions run with time_zone '+00:00').
 * @example toSqlDate(new Date('2024-01-15T14:30:52.123Z')) // '2024-01-15 14:30:52.123'
 */
export function toSqlDate(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * A DATETIME read back (a string with `dateStrings`, or a Date) as a Date in UTC.
 * @example fromSqlDate('2024-01-15 14:30:52.123').toISOString() // '2024-01-15T14:30:52.123Z'
 */
export function fromSqlDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}
