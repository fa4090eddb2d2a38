const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TIME = /^(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO 8601 text for a temporal column as MySQL and MariaDB read it, meaning what PostgreSQL
 * makes of it: a `timestamp` (timestamptz there) at the instant given, in UTC (the adapter's
 * sessions run at time_zone '+00:00'); a `datetime` (timestamp without time zone) and a `time`
 * keep their digits and drop the offset. Other text is returned unchanged.
 * @example temporalValue('timestamp', '2024-01-15T14:30:00+02:00') // '2024-01-15 12:30:00'
 * @example temporalValue('datetime', '2024-01-15T14:30:00Z') // '2024-01-15 14:30:00'
 */
export function temporalValue(type: string, value: string): string {
  if (type === 'time') return TIME.exec(value)?.[1] ?? value;
  if (type !== 'timestamp' && type !== 'datetime') return value;
  const m = DATE_TIME.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m as unknown as string[];
  if (type === 'datetime' || !zone) return `${y}-${mo}-${d} ${h}:${mi}:${s}${frac}`;
  const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  const offset = z ? (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0)) : 0;
  const utc = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000);
  return `${utc.toISOString().slice(0, 19).replace('T', ' ')}${frac}`;
}
