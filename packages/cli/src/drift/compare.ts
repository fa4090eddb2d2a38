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
  for (const [field, expectedField] of expected.fields) {
    const have = live.get(field);
    const want = have && nativeReadAsTyped(expectedField, have) ? { ...have, required: expectedField.required, nullable: expectedField.nullable, primaryKey: expectedField.primaryKey } : expectedField;
    if (!have) drifts.push({ collection: name, kind: 'missing-field', field, expected: describe(want) });
    else if (describe(want, have, coverage) !== describe(have, want, coverage))
      drifts.push({ collection: name, kind: 'changed-field', field, expected: describe(want, have, coverage), actual: describe(have, want, coverage) });
  }
  for (const field of live.keys()) if (!expected.fields.has(field)) drifts.push({ collection: name, kind: 'extra-field', field, actual: describe(live.get(field) as FieldDefinition) });
  if (coverage && 'indexes' in expected) drifts.push(...compareKeys(name, expected, actual, coverage));
  return drifts;
}

/**
 * A field as text, limited to what `other` (when given) also states, e.g. `string(255) not null`.
 * A text/blob `size` is compared only when both sides state it (a column an earlier release made
 * from plain `text` reads back on MySQL as size 'regular'; PostgreSQL reads back none); `unsigned`
 * always (only MySQL-family adapters accept it, and they read it back). An array's `itemType` when
 * both state it; a named enum type (`enumType`) where the database has them (coverage.enumTypes:
 * PostgreSQL), else when both state it; a generated column (`generatedAs`) by its presence (the
 * database rewrites the expression's text).
 */
function describe(f: FieldDefinition, other?: FieldDefinition, coverage?: DriftCoverage): string {
  const type = SAME_TYPE[f.type] ?? zonedType(f, other);
  const stated = (k: 'length' | 'precision' | 'scale' | 'size') => f[k] !== undefined && (other === undefined || other[k] !== undefined);
  const size = (['length', 'precision', 'scale', 'size'] as const).filter(stated).map((k) => `${k} ${String(f[k])}`);
  const values = f.enumValues && (other === undefined || other.enumValues) ? [`values ${[...f.enumValues].sort().join('|')}`] : [];
  const item = f.itemType !== undefined && (other === undefined || other.itemType !== undefined) ? [`of ${f.itemType}`] : [];
  const enumType = f.enumType !== undefined && (coverage?.enumTypes === true || other === undefined || other.enumType !== undefined) ? [`enum type ${f.enumType}`] : [];
  const generated = f.generatedAs !== undefined ? ['generated'] : [];
  return [type, ...item, ...(f.unsigned === true ? ['unsigned'] : []), ...size, ...values, ...enumType, ...generated, isNotNull(f) ? 'not null' : 'null'].join(', ');
}

/**
 * True when the history declares a native type that the adapter now reads back as a typed field:
 * PostgreSQL `native: 'inet'` (or 'citext', 'tsvector', 'inet[]') read as `{ type: 'inet' }`, a
 * native enum type name read as `{ type: 'enum', enumType }`, a native `… GENERATED ALWAYS AS (…)`
 * read as `generatedAs` (issue 25): the same column, so no drift.
 */
function nativeReadAsTyped(want: FieldDefinition, have: FieldDefinition): boolean {
  if (want.type !== 'native' || have.type === 'native' || typeof want.native !== 'string') return false;
  const n = want.native.trim().toLowerCase().replace(/"/g, '');
  if (have.generatedAs !== undefined) return /\bgenerated\s+always\s+as\b/.test(n);
  const names = [have.type, ...(have.enumType ? [have.enumType.toLowerCase()] : [])];
  const item = have.type === 'array' ? [have.itemType, ...(have.enumType ? [have.enumType.toLowerCase()] : [])].map((t) => `${t}[]`) : [];
  return [...names, ...item].includes(n);
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
