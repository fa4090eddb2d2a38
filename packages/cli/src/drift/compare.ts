import { type CollectionSnapshot, type FieldDefinition, isNotNull } from '@ductape/sdk';
import { compareKeys } from './compare-keys.js';
import type { DriftCoverage } from './coverage.js';
import type { Drift } from './drift-kind.js';
import type { ExpectedCollection } from './expected-schema.js';

export type { Drift, KeyKind } from './drift-kind.js';

/** Types an adapter may store as one another (blob and binary are both bytea on PostgreSQL). */
const SAME_TYPE: { readonly [type: string]: string } = { blob: 'binary' };

/** Only the fields of a collection the history expects (what compareCollection needs without `coverage`). */
type ExpectedFields = { readonly dropped: false; readonly fields: Map<string, FieldDefinition> };

/**
 * The differences between what the history says `name` looks like and what introspection sees.
 * Only what the history states is compared (an unset length is the adapter's default). With
 * `coverage` (what the database lets drift compare, see driftCoverage), its indexes, unique
 * constraints, foreign keys and checks too (compareKeys).
 * @example compareCollection('users', expected, await adapter.introspect('users'), driftCoverage(adapter))
 */
export function compareCollection(name: string, expected: ExpectedCollection | ExpectedFields, actual: CollectionSnapshot | undefined, coverage?: DriftCoverage): Drift[] {
  if (expected.dropped) return actual ? [{ collection: name, kind: 'unexpected-collection' }] : [];
  if (!actual) return [{ collection: name, kind: 'missing-collection' }];
  const live = new Map(actual.fields.map((f) => [f.name, f]));
  const drifts: Drift[] = [];
  for (const [field, want] of expected.fields) {
    const have = live.get(field);
    if (!have) drifts.push({ collection: name, kind: 'missing-field', field, expected: describe(want) });
    else if (describe(want, have) !== describe(have, want)) drifts.push({ collection: name, kind: 'changed-field', field, expected: describe(want, have), actual: describe(have, want) });
  }
  for (const field of live.keys()) if (!expected.fields.has(field)) drifts.push({ collection: name, kind: 'extra-field', field, actual: describe(live.get(field) as FieldDefinition) });
  if (coverage && 'indexes' in expected) drifts.push(...compareKeys(name, expected, actual, coverage));
  return drifts;
}

/**
 * A field as text, limited to what `other` (when given) also states, e.g. `string(255) not null`.
 * A text/blob `size` is compared only when both sides state it (a column an earlier release made
 * from plain `text` reads back on MySQL as size 'regular'; PostgreSQL reads back none); `unsigned`
 * always (only MySQL-family adapters accept it, and they read it back).
 */
function describe(f: FieldDefinition, other?: FieldDefinition): string {
  const type = SAME_TYPE[f.type] ?? zonedType(f, other);
  const stated = (k: 'length' | 'precision' | 'scale' | 'size') => f[k] !== undefined && (other === undefined || other[k] !== undefined);
  const size = (['length', 'precision', 'scale', 'size'] as const).filter(stated).map((k) => `${k} ${String(f[k])}`);
  const values = f.enumValues && (other === undefined || other.enumValues) ? [`values ${[...f.enumValues].sort().join('|')}`] : [];
  return [type, ...(f.unsigned === true ? ['unsigned'] : []), ...size, ...values, isNotNull(f) ? 'not null' : 'null'].join(', ');
}

const ZONED = new Set(['datetime', 'timestamp']);

/**
 * The type of `f`, where a datetime/timestamp that states `withTimeZone` counts as the other
 * side's type when that is what it compiles to on PostgreSQL (`{ type: 'datetime', withTimeZone:
 * true }` is timestamptz there, which introspection reads as timestamp). On MySQL the option
 * writes nothing, so such a field never differs in type there.
 */
function zonedType(f: FieldDefinition, other: FieldDefinition | undefined): string {
  if (!other || f.withTimeZone === undefined || other.withTimeZone !== undefined || !ZONED.has(f.type) || !ZONED.has(other.type)) return f.type;
  return f.withTimeZone === (other.type === 'timestamp') ? other.type : f.type;
}
