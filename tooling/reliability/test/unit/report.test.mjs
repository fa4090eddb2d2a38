import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzCase, touchedCollections, SENTINEL } from '../../src/arbitraries.mjs';
import { parseArgs } from '../../src/cli-args.mjs';
import { reportTable, summaryJson } from '../../src/report.mjs';
import { isDuctapeError } from '../../src/run-up.mjs';
import { ValidationError } from '@ductape/core';

describe('suite plumbing', () => {
  it('parses databases and options', () => {
    expect(parseArgs(['postgres', 'mongo', '--quick', '--seed', '7', '--only=crash,tamper'])).toMatchObject({ targets: ['postgres', 'mongo'], quick: true, seed: 7, only: ['crash', 'tamper'] });
    expect(() => parseArgs(['--nope'])).toThrow(/unknown option/);
  });

  it('writes a table and a one-line JSON summary', () => {
    const reports = [
      { key: 'pglite', ok: true, ms: 1200, results: { tamper: { ok: true, ms: 10, counts: { attempts: 3, mismatches: 3 }, failures: [] } } },
      { key: 'mongo', skipped: 'DUCTAPE_TEST_MONGO_URL is not set' },
    ];
    expect(reportTable(reports)).toContain('| pglite | ✓ 3/3 refused');
    const line = summaryJson(reports, { mode: 'quick', seed: 1 });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line).databases.pglite.tamper).toMatchObject({ ok: true, mismatches: 3, failures: 0 });
  });

  it('reports the round trip counts under databases.<db>.roundTrip', () => {
    const counts = { histories: 300, migrations: 3584, ops: 11012, mismatches: 2, leftovers: 0, replayDiffs: 1, orderErrors: 0, untyped: 0 };
    const reports = [{ key: 'postgres', ok: false, ms: 1, results: { roundTrip: { ok: false, ms: 1, counts, failures: ['x'] } } }];
    expect(reportTable(reports)).toContain('300 histories, 3584 migrations, 11012 ops, 2 mismatches, 0 leftovers, 1 replay diffs, 0 order errors, 0 untyped');
    expect(JSON.parse(summaryJson(reports, { mode: 'full', seed: 1 })).databases.postgres.roundTrip).toMatchObject({ ok: false, ...counts, failures: 1 });
  });

  it('generates the same cases for a seed, never aimed at the sentinel', () => {
    const a = fc.sample(fuzzCase(), { seed: 5, numRuns: 50 });
    const b = fc.sample(fuzzCase(), { seed: 5, numRuns: 50 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (const c of a) if (c.kind === 'operation' && c.op.type === 'dropCollection') expect(c.op.name).not.toBe(SENTINEL);
    expect(touchedCollections(a[0])).toContain(SENTINEL);
  });

  it('tells a DuctapeError from any other error', () => {
    expect(isDuctapeError(new ValidationError('m', []))).toBe(true);
    expect(isDuctapeError(Object.assign(new Error('x'), { code: 'DUCTAPE_VALIDATION' }))).toBe(false);
    expect(isDuctapeError(new TypeError('x'))).toBe(false);
  });
});
