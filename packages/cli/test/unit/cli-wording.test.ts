import { describe, expect, it } from 'vitest';
import { cliWording } from '../../src/cli/cli-wording.js';

describe('cliWording', () => {
  it('words the advice for a raw step a killed run left uncertain as CLI flags', () => {
    const hint = "look at the database: if the statement took effect, run up with { recover: 'mark-ran' }; if it did not, run up with { recover: 'rerun' }";
    expect(cliWording(hint)).toBe('look at the database: if the statement took effect, run `ductape up --recover mark-ran`; if it did not, run `ductape up --recover rerun`');
  });

  it('keeps the compensate wording', () => {
    expect(cliWording("run up with { recover: 'compensate' } to undo")).toBe('run `ductape up --recover compensate` to undo');
  });
});
