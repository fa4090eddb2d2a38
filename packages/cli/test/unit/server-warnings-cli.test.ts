import { describe, expect, it } from 'vitest';
import { TempProject } from '../support/cli.js';

// Issue 24: a warning the server raises on a step is shown in the run's output and recorded with
// the step in history (`history` prints it, `history --json` carries it).
describe('server warnings in the CLI (embedded PostgreSQL)', () => {
  const p = new TempProject('server-warnings');
  p.migration('20240101_000000_noisy', `.raw('postgresql', "DO $$ BEGIN RAISE WARNING 'careful: %', 42; END $$", { down: 'SELECT 1' })`);

  it('up prints it; history shows it; --json has it with its step', async () => {
    const up = await p.run(['up']);
    expect(up.code, up.stdout + up.stderr).toBe(0);
    expect(up.stderr).toContain('the server warned: WARNING 01000: careful: 42');
    const history = await p.run(['history']);
    expect(history.stdout).toContain('step 1: ');
    expect(history.stdout).toContain('the server warned: WARNING 01000: careful: 42');
    const doc = (await p.run(['history', '--json'])).json<{ history: { name: string; warnings?: { step: number; message: string }[] }[] }>();
    expect(doc.history.find((r) => r.name === 'noisy')?.warnings).toEqual([expect.objectContaining({ step: 0, message: 'WARNING 01000: careful: 42' })]);
  });
});
