import { describe, expect, it } from 'vitest';
import { type HistoryEntry, type HistoryStore, MigrationEngine, NotAppliedError } from '../src/index.js';
import { MemoryAdapter } from '../src/testing.js';
import { MemoryHistoryStore } from '../src/testing/memory-history.js';
import { steps } from './helpers.js';

const three = () => [steps('hb_one', 1), steps('hb_two', 2), steps('hb_three', 1)];

/** An engine over the memory adapter with `ms` applied and the body counter reset. */
async function applied(ms = three()) {
  const adapter = new MemoryAdapter({ transactionalDdl: true });
  const engine = new MigrationEngine(adapter);
  await engine.upAll(ms);
  adapter.database.historyBodyReads = 0;
  return { adapter, engine, ms };
}

describe('history listing without migration bodies (issue 22)', () => {
  it('a no-op up and upAll read no migration body', async () => {
    const { adapter, engine, ms } = await applied();
    const results = await engine.upAll(ms);
    expect(results.map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'skipped']);
    expect((await engine.up(ms[0]!)).outcome).toBe('skipped');
    expect(adapter.database.historyBodyReads).toBe(0);
  });

  it('getStatus reads the body of the rows it returns only (here: the last applied one)', async () => {
    const { adapter, engine, ms } = await applied();
    const status = await engine.getStatus({ definedMigrations: ms });
    expect(status).toMatchObject({ total: 3, completed: 3, pending: 0, failed: 0, mismatched: 0, unknownApplied: [] });
    expect(adapter.database.historyBodyReads).toBe(1);
    // The spec's status fields still carry their migration.
    expect(status.lastApplied?.migration).toEqual(ms[2]);
  });

  it('getStatus returns unknown rows with their migration', async () => {
    const { adapter, engine, ms } = await applied();
    const status = await engine.getStatus({ definedMigrations: [ms[0]!] });
    expect(status.unknownApplied.map((e) => e.migration)).toEqual([ms[1], ms[2]]);
    expect(adapter.database.historyBodyReads).toBe(2); // hb_three is both last applied and unknown: read once
  });

  it('getHistoryRows has no bodies; loadMigrations reads only the rows given', async () => {
    const { adapter, engine, ms } = await applied();
    const rows = await engine.getHistoryRows();
    expect(rows.map((r) => r.name)).toEqual(ms.map((m) => m.name));
    expect(rows.every((r) => !('migration' in r))).toBe(true);
    expect(adapter.database.historyBodyReads).toBe(0);
    const [second] = await engine.loadMigrations([rows[1]!]);
    expect(second?.migration).toEqual(ms[1]);
    expect(adapter.database.historyBodyReads).toBe(1);
  });

  it('down reads the body of the migration it rolls back only; rollbackTo those after the tag only', async () => {
    const { adapter, engine, ms } = await applied([...three(), steps('hb_four', 1)]);
    await engine.down(ms[3]!);
    expect(adapter.database.historyBodyReads).toBe(1);
    adapter.database.historyBodyReads = 0;
    const results = await engine.rollbackTo(ms[0]!.tag);
    expect(results.map((r) => r.name)).toEqual(['hb_three', 'hb_two']);
    expect(adapter.database.historyBodyReads).toBe(2);
    expect((await engine.getHistory()).map((e) => e.name)).toEqual(['hb_one']);
  });

  it("the spec's rollback walk over getHistory() still has entry.migration", async () => {
    const { engine, ms } = await applied();
    const history = await engine.getHistory();
    const targetIndex = history.findIndex((h) => h.name === ms[0]!.name);
    for (let i = history.length - 1; i > targetIndex; i--) await engine.down(history[i]!.migration);
    expect((await engine.getHistory()).map((e) => e.name)).toEqual(['hb_one']);
  });

  it('a row removed after it was listed is a NotAppliedError, not a missing body', async () => {
    const { adapter, engine } = await applied();
    const rows = await engine.getHistoryRows();
    await adapter.history.remove('hb_two');
    await expect(engine.loadMigrations(rows)).rejects.toBeInstanceOf(NotAppliedError);
  });

  it('a store without listRows/read (a third-party adapter) still works: the engine uses list()', async () => {
    const adapter = new MemoryAdapter({ transactionalDdl: true });
    const inner = new MemoryHistoryStore(adapter.database);
    const plain: HistoryStore = {
      ensure: () => inner.ensure(),
      list: () => inner.list(),
      save: (e: HistoryEntry) => inner.save(e),
      remove: (name: string) => inner.remove(name),
    };
    Object.defineProperty(adapter, 'history', { value: plain });
    const engine = new MigrationEngine(adapter);
    const ms = three();
    await engine.upAll(ms);
    const rows = await engine.getHistoryRows();
    expect(rows.every((r) => 'migration' in r)).toBe(true);
    const status = await engine.getStatus({ definedMigrations: ms });
    expect(status.lastApplied?.migration).toEqual(ms[2]);
    expect((await engine.down(ms[2]!)).outcome).toBe('rolled_back');
    expect((await engine.getHistory()).map((e) => e.name)).toEqual(['hb_one', 'hb_two']);
  });
});
