import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSuite } from '../../src/run-suite.mjs';

// A DynamoDB run of 35 minutes lost its JSON: `--save .work/x.json` in a fresh clone, where
// `.work` did not exist, failed only when the run was over. The directory is now made, and the
// file written once before the first database, so a path that cannot be written fails at once.
describe('--save', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reliability-save-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a missing directory and writes the report', async () => {
    const save = join(dir, 'not', 'yet', 'made.json');
    // No property selected: PGlite is opened and closed, nothing is run.
    const { reports } = await runSuite({ targets: ['pglite'], quick: true, seed: 1, only: ['no-such-property'], save }, {});
    expect(existsSync(save)).toBe(true);
    const saved = JSON.parse(readFileSync(save, 'utf8'));
    expect(saved).toMatchObject({ mode: 'quick', seed: 1 });
    expect(saved.reports.map((r) => r.key)).toEqual(reports.map((r) => r.key));
  }, 60_000);

  it('a path that cannot be written fails before any database is run', async () => {
    const blocked = join(dir, 'file');
    writeFileSync(blocked, '');
    const logs = [];
    await expect(runSuite({ targets: ['pglite'], quick: true, seed: 1, only: [], save: join(blocked, 'x.json') }, { log: (l) => logs.push(l) })).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(logs).toEqual([]);
  }, 60_000);
});
