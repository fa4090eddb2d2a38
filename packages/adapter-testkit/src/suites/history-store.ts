import { describe, expect, it } from 'vitest';
import { checksum, type HistoryEntry } from '@ductape/core';
import { build, unique } from '../support/fixtures.js';
import type { KitContext } from '../support/kit-context.js';

function entry(name: string, patch: Partial<HistoryEntry> = {}): HistoryEntry {
  const m = build(name, { type: 'createCollection', name: unique('h'), fields: [{ name: 'id', type: 'integer', primaryKey: true }] });
  return {
    name: m.name,
    tag: m.tag,
    checksum: checksum(m),
    status: 'applied',
    direction: 'up',
    appliedAt: new Date('2024-01-15T14:30:52.123Z'),
    startedAt: new Date('2024-01-15T14:30:52.000Z'),
    executionMs: 123,
    stepsApplied: 1,
    stepsTotal: 1,
    error: null,
    appliedBy: 'conformance pid 1',
    migration: m,
    ...patch,
  };
}

/** The history contract: ensure is idempotent; save inserts or replaces; list keeps first-recorded order; remove. */
export function historyStore(kit: KitContext): void {
  describe('history', () => {
    it('ensure is idempotent, save/list/remove round-trip every field', async () => {
      const h = kit.adapter.history;
      await h.ensure();
      await h.ensure();
      const a = entry('hist_a');
      const b = entry('hist_b', { status: 'failed', appliedAt: null, stepsApplied: 0, stepsTotal: 3, error: 'boom: it\'s "bad" ✓' });
      await h.save(a);
      await h.save(b);
      const listed = (await h.list()).filter((e) => e.name === a.name || e.name === b.name);
      expect(listed).toEqual([a, b]);
      // Replacing keeps the original position.
      const a2 = { ...a, status: 'failed' as const, error: 'again', stepsApplied: 0 };
      await h.save(a2);
      expect((await h.list()).filter((e) => e.name === a.name || e.name === b.name)).toEqual([a2, b]);
      await h.remove(a.name);
      await h.remove(b.name);
      expect((await h.list()).some((e) => e.name === a.name || e.name === b.name)).toBe(false);
    });

    it('listRows and read, when the store has them, agree with list (listRows without the migration)', async (ctx) => {
      const h = kit.adapter.history;
      // Optional methods (issue 22): a store without them is listed with list() by the engine.
      if (typeof h.listRows !== 'function' || typeof h.read !== 'function') return ctx.skip();
      await h.ensure();
      const a = entry('rows_a');
      const b = entry('rows_b', { status: 'failed', appliedAt: null, stepsApplied: 0, stepsTotal: 3, error: 'boom' });
      await h.save(a);
      await h.save(b);
      const ours = (e: { name: string }) => e.name === a.name || e.name === b.name;
      const rows = (await h.listRows()).filter(ours);
      expect(rows).toEqual([a, b].map(({ migration: _m, ...row }) => row));
      expect(rows.some((r) => 'migration' in r)).toBe(false);
      const read = await h.read([b.name, a.name, 'rows_not_recorded']);
      expect([...read].sort((x, y) => x.name.localeCompare(y.name))).toEqual([a, b]);
      expect(await h.read([])).toEqual([]);
      await h.remove(a.name);
      await h.remove(b.name);
      expect(await h.read([a.name, b.name])).toEqual([]);
    });

    it('a save inside a rolled-back transaction leaves nothing (transactional DDL only)', async (ctx) => {
      if (!kit.adapter.capabilities.transactionalDdl) return ctx.skip();
      const e = entry('hist_tx');
      await expect(
        kit.adapter.withSession('transaction', async (session) => {
          await kit.adapter.history.save(e, session);
          throw new Error('roll back'); // the test's own abort of the transaction, expected just below
        }),
      ).rejects.toThrow('roll back');
      expect((await kit.adapter.history.list()).some((x) => x.name === e.name)).toBe(false);
    });

    it('the engine records what it ran, and down from history alone works', async () => {
      const table = unique('hist_t');
      const m = build('hist_engine', { type: 'createCollection', name: table, fields: [{ name: 'id', type: 'integer', primaryKey: true }] });
      const engine = kit.engine();
      await engine.up(m);
      const row = (await engine.getHistory()).find((h) => h.name === m.name);
      expect(row).toMatchObject({ name: m.name, tag: m.tag, checksum: checksum(m), status: 'applied', direction: 'up', error: null });
      expect(row?.appliedAt).toBeInstanceOf(Date);
      expect(row?.migration).toEqual(m);
      await engine.down(row!.migration);
      expect(await kit.snapshot(table)).toBeUndefined();
    });
  });
}
