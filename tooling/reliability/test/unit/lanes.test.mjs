import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli-args.mjs';
import { planLanes } from '../../src/run-lanes.mjs';

describe('--lanes', () => {
  it('spreads the databases over the lanes, the slow ones first and apart', () => {
    const keys = ['postgres', 'pglite', 'mysql', 'mariadb', 'mongo', 'dynamo', 'cassandra'];
    const lanes = planLanes(keys, 4);
    expect(lanes).toHaveLength(4);
    expect(lanes.flat().sort()).toEqual([...keys].sort());
    for (const slow of ['mongo', 'dynamo', 'cassandra']) expect(lanes.filter((l) => l.includes(slow))).toHaveLength(1);
    expect(lanes.filter((l) => l.some((k) => ['mongo', 'dynamo', 'cassandra'].includes(k))).every((l) => l.length === 1)).toBe(true);
  });

  it('never makes more lanes than databases, nor fewer than one', () => {
    expect(planLanes(['postgres'], 3)).toEqual([['postgres']]);
    expect(planLanes(['postgres', 'mysql'], 1)).toEqual([['postgres', 'mysql']]);
  });

  it('is parsed as a positive integer', () => {
    expect(parseArgs(['--lanes', '3']).lanes).toBe(3);
    expect(() => parseArgs(['--lanes', '0'])).toThrow(/--lanes/);
    expect(() => parseArgs(['--lanes', 'x'])).toThrow(/--lanes/);
  });
});
