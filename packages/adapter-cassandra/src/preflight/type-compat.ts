import { normalCqlType } from '../compile/native-type.js';

// Verified on Cassandra 5.0.9 (drop a column of type A, add it back as B, for 36 types each way).
// Cassandra keeps the dropped column's type in system_schema.dropped_columns and accepts the new
// type only when it can read the old values: the same type; text over ascii; bigint and timestamp
// over each other; uuid over timeuuid; blob over any type whose values have no fixed length; in a
// list or a map's values the same rule per element; in a set or a map's keys only text over ascii
// and blob over text or ascii.
const READS: { readonly [added: string]: readonly string[] } = {
  text: ['ascii'],
  bigint: ['timestamp'],
  timestamp: ['bigint'],
  uuid: ['timeuuid'],
  blob: ['ascii', 'text', 'varint', 'decimal', 'date', 'time', 'smallint', 'tinyint', 'duration', 'inet'],
};
// Set elements and map keys are sorted: there the new type must also sort the old values alike.
const SORTS: { readonly [added: string]: readonly string[] } = { text: ['ascii'], blob: ['ascii', 'text'] };
const FIXED_LENGTH = ['int', 'bigint', 'boolean', 'double', 'float', 'timestamp', 'uuid', 'timeuuid', 'counter'];
const SCALARS = new Set([...Object.keys(READS), ...Object.values(READS).flat(), ...FIXED_LENGTH]);

/**
 * True when Cassandra refuses to add a column of CQL type `added` under the name of a dropped
 * column of type `dropped` ("incompatible with previously dropped column"). Only what was
 * verified is claimed: scalar types and non-frozen list/set/map of them. Frozen types, tuples,
 * UDTs and vectors that differ are left to the server (false). Pure.
 * @example droppedTypeConflict('double', 'boolean') // true
 * droppedTypeConflict('text', 'ascii') // false
 */
export function droppedTypeConflict(added: string, dropped: string): boolean {
  const a = normalCqlType(added);
  const d = normalCqlType(dropped);
  if (a === d) return false;
  const ca = collection(a);
  const cd = collection(d);
  if (ca && cd) {
    if (ca.kind !== cd.kind || ca.args.length !== cd.args.length) return true;
    return ca.args.some((arg, i) => scalarConflict(arg, cd.args[i] as string, ca.kind === 'set' || (ca.kind === 'map' && i === 0) ? SORTS : READS) === true);
  }
  if (ca || cd) return SCALARS.has(ca ? d : a); // a multi-cell collection and a plain scalar never read each other
  return scalarConflict(a, d, READS) === true;
}

/** true: refused; false: accepted; undefined: not verified (left to the server). */
function scalarConflict(added: string, dropped: string, rule: typeof READS): boolean | undefined {
  if (added === dropped) return false;
  if (!SCALARS.has(added) || !SCALARS.has(dropped)) return undefined;
  return !(rule[added] ?? []).includes(dropped);
}

/** `list<int>` → { kind: 'list', args: ['int'] }; undefined for anything else (frozen, tuple, scalar, …). */
function collection(t: string): { kind: string; args: string[] } | undefined {
  const m = /^(list|set|map)<([a-z0-9_]+)(?:,([a-z0-9_]+))?>$/.exec(t);
  if (!m) return undefined;
  return { kind: m[1] as string, args: m[3] !== undefined ? [m[2] as string, m[3]] : [m[2] as string] };
}
