import { describe, expect, it } from 'vitest';
import { MigrationEngine, type ProgressEvent, type Session, type Step, type StepOutcome } from '../src/index.js';
import { MemoryAdapter, MemoryDatabase } from '../src/testing.js';
import { steps } from './helpers.js';

/** The server "warns" about every second step, as PostgreSQL's notices or MySQL's SHOW WARNINGS would. */
class WarningAdapter extends MemoryAdapter {
  #n = 0;
  override execute(step: Step, session: Session): Promise<void> {
    return this.#run(step, session) as Promise<void>;
  }
  async #run(step: Step, session: Session): Promise<StepOutcome | undefined> {
    await super.execute(step, session);
    return this.#n++ % 2 === 1 ? { warnings: [`NOTICE 00000: about ${step.summary}`] } : undefined;
  }
}

describe('server warnings about a step', () => {
  it('are emitted as step:warning and recorded with the step in the history row', async () => {
    const events: ProgressEvent[] = [];
    const adapter = new WarningAdapter({ database: new MemoryDatabase() });
    const engine = new MigrationEngine(adapter, { onProgress: (e) => events.push(e) });
    const m = steps('warned', 3);
    await engine.up(m);
    const warned = events.filter((e) => e.type === 'step:warning');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ type: 'step:warning', name: 'warned', index: 1, total: 3 });
    const [row] = await engine.getHistory();
    expect(row?.warnings).toEqual([{ step: 1, summary: expect.any(String), message: expect.stringMatching(/^NOTICE 00000: about /) }]);
  });

  it('are recorded by a run of several migrations in one transaction too, and a row without any has none', async () => {
    const adapter = new WarningAdapter({ database: new MemoryDatabase() });
    const engine = new MigrationEngine(adapter);
    await engine.upAll([steps('one', 1), steps('two', 1)], { singleTransaction: true });
    const rows = await engine.getHistory();
    expect(rows.find((r) => r.name === 'one')?.warnings).toBeUndefined();
    expect(rows.find((r) => r.name === 'two')?.warnings).toEqual([{ step: 0, summary: expect.any(String), message: expect.stringMatching(/^NOTICE/) }]);
  });
});
