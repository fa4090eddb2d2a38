import type { ConformanceTarget } from '@ductape/adapter-testkit';
import type { FieldDefinition } from '@ductape/core';
import { PostgresAdapter, qualify, quoteIdent } from '../../src/index.js';

/** Field definitions core accepts that PostgreSQL cannot store: the adapter must refuse them before IO. */
export const PG_BAD_FIELDS = [
  { name: 'inf', type: 'double', default: Number.POSITIVE_INFINITY },
  { name: 'nul', type: 'text', default: 'nul \u0000 inside' },
  { name: 'ai', type: 'text', autoIncrement: true },
] as unknown as FieldDefinition[];

/** The parts of a conformance target every PostgreSQL driver shares. */
export function pgTarget(newAdapter: () => PostgresAdapter, extra: Partial<ConformanceTarget> = {}, schema = 'public'): ConformanceTarget {
  const q = (t: string): string => qualify(schema, t);
  return {
    newAdapter,
    crash: (a) => (a as PostgresAdapter).simulateCrash(),
    lockRelease: 'session',
    checkExpression: 'n > 0',
    partialIndexWhere: 'n > 0',
    badFields: PG_BAD_FIELDS,
    raw: {
      dialect: 'postgresql',
      up: (t) => `ALTER TABLE ${q(t)} ADD COLUMN raw_col integer; CREATE INDEX ${quoteIdent(`${t}_raw`)} ON ${q(t)} (raw_col)`,
      down: (t) => `DROP INDEX ${q(`${t}_raw`)}; ALTER TABLE ${q(t)} DROP COLUMN raw_col`,
      failing: 'SELECT no_such_column FROM no_such_table',
    },
    ...extra,
  };
}
