import { describe, expect, it } from 'vitest';
import { MigrationEngine, ValidationError, migration, type Step } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';

/** An adapter whose preflight refuses any migration that creates `forbidden`. */
class Refusing extends MemoryAdapter {
  seen: { steps: number; direction: string }[] = [];
  async preflight(steps: readonly Step[], direction: 'up' | 'down'): Promise<void> {
    this.seen.push({ steps: steps.length, direction });
    if (steps.some((s) => s.summary === 'createCollection forbidden')) {
      throw new ValidationError('migration', [{ code: 'live_conflict', path: 'up[0]', message: 'the live schema says no' }]);
    }
  }
}

describe('adapter.preflight', () => {
  it('refuses under the lock before anything is written: no step run, no history row', async () => {
    const adapter = new Refusing();
    const engine = new MigrationEngine(adapter);
    const m = migration('make_forbidden').createCollection('forbidden', { id: 'integer' }).build();
    await expect(engine.up(m)).rejects.toBeInstanceOf(ValidationError);
    expect(adapter.executed).toEqual([]);
    expect(await engine.getHistory()).toEqual([]);
    expect(adapter.database.lock).toBeUndefined();
  });

  it('sees the steps of each up and down it lets through', async () => {
    const adapter = new Refusing();
    const engine = new MigrationEngine(adapter);
    const m = migration('fine').createCollection('fine', { id: 'integer' }).addField('fine', 'n', 'integer').build();
    await engine.up(m);
    await engine.down(m);
    expect(adapter.seen).toEqual([
      { steps: 2, direction: 'up' },
      { steps: 2, direction: 'down' },
    ]);
  });
});
