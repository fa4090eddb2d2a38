import { describe, expect, it } from 'vitest';
import { pollUntilEmpty } from '../src/index.js';

describe('pollUntilEmpty', () => {
  it('polls until the probe answers an empty list', async () => {
    const answers = [['a', 'b'], ['a'], []];
    let calls = 0;
    const left = await pollUntilEmpty(async () => answers[calls++] ?? [], 10_000);
    expect(left).toEqual([]);
    expect(calls).toBe(3);
  });

  it('answers the last non-empty list once the timeout has passed', async () => {
    let calls = 0;
    const left = await pollUntilEmpty(async () => [`still ${++calls}`], 120);
    expect(calls).toBeGreaterThan(1);
    expect(left).toEqual([`still ${calls}`]);
  });

  it('with a zero timeout, probes once', async () => {
    let calls = 0;
    expect(await pollUntilEmpty(async () => [++calls], 0)).toEqual([1]);
    expect(calls).toBe(1);
  });
});
