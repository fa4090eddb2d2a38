import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli-args.mjs';
import { joinSlices } from '../../src/merge-reports.mjs';
import { historyRandom, sliceOf } from '../../src/properties/round-trip.mjs';
import { historyArbitrary } from '../../src/round-trip/arbitraries.mjs';

describe('--round-trip-slice', () => {
  it('cuts the histories into contiguous slices that cover them once', () => {
    const slices = [1, 2, 3, 4].map((i) => sliceOf(300, `${i}/4`));
    expect(slices).toEqual([
      { from: 0, to: 75 },
      { from: 75, to: 150 },
      { from: 150, to: 225 },
      { from: 225, to: 300 },
    ]);
    expect([1, 2, 3].map((i) => sliceOf(10, `${i}/3`))).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 10 },
    ]);
    expect(sliceOf(300)).toEqual({ from: 0, to: 300 });
    expect(() => sliceOf(300, '5/4')).toThrow(/1 ≤ i ≤ n/);
  });

  it("a slice's histories are those of the whole run (fast-check's sample is a prefix of a longer one)", () => {
    const arb = historyArbitrary({});
    const whole = fc.sample(arb, { seed: 20261125, numRuns: 12 });
    const { from, to } = sliceOf(12, '2/3');
    expect(fc.sample(arb, { seed: 20261125, numRuns: to }).slice(from)).toEqual(whole.slice(from, to));
  });

  it("a history's injections depend only on the seed and its index", () => {
    const draw = (seed, index) => Array.from({ length: 5 }, historyRandom(seed, index));
    expect(draw(7, 3)).toEqual(draw(7, 3));
    expect(draw(7, 3)).not.toEqual(draw(7, 4));
    expect(draw(7, 3)).not.toEqual(draw(8, 3));
    for (const x of draw(1, 0)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is parsed as i/n', () => {
    expect(parseArgs(['dynamo', '--round-trip-slice', '2/4']).roundTripSlice).toBe('2/4');
    expect(() => parseArgs(['--round-trip-slice', '2'])).toThrow(/i\/n/);
  });

  it('joins the results of slices: counts and mix summed, ranges listed, not ok when one slice failed', () => {
    const result = (slice, from, to, histories, mismatches, ok) => ({
      ok,
      ms: histories * 1000,
      counts: { histories, migrations: histories * 10, ops: histories * 30, mismatches, seed: 1, slice, from, to, byKind: mismatches ? { mismatch: 1 } : {}, mix: { addField: histories } },
      notes: [],
      failures: mismatches ? ['history 80 (mismatch): …'] : [],
    });
    const joined = joinSlices(result('1/2', 0, 150, 150, 0, true), result('2/2', 150, 300, 150, 1, false));
    expect(joined.ok).toBe(false);
    expect(joined.ms).toBe(150_000);
    expect(joined.counts).toMatchObject({
      histories: 300,
      migrations: 3000,
      ops: 9000,
      mismatches: 1,
      seed: 1,
      byKind: { mismatch: 1 },
      mix: { addField: 300 },
      slices: ['1/2 = 0–149', '2/2 = 150–299'],
    });
    expect(joined.failures).toHaveLength(1);
  });
});
