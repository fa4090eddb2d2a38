import { describe, expect, it } from 'vitest';
import { DuctapeError, foreignKeyName, migration, MigrationFailedError, uniqueKeyName } from '@ductape/core';
import { comparable, unique } from '../support/fixtures.js';
import type { KitContext } from '../support/kit-context.js';

/**
 * What real histories taught us: history order is apply order and every walk back follows it; a
 * down undoes only what its up did (an ifNotExists that found the table leaves it); an op that
 * names a change is never recorded as applied with nothing run.
 */
export function neverSilentlyWrong(kit: KitContext): void {
  describe('never silently wrong', () => {
    it('a migration that failed and later succeeded moves to where it succeeded; rolling back walks that order', async () => {
      const invoices = unique('invoices');
      const engine = kit.engine();
      const bName = unique('b_add_total');
      const aName = unique('a_create');
      const b = migration(bName).tag(`20240102_000000_${bName}`).addField(invoices, 'total', { type: 'integer' }).build();
      const a = migration(aName)
        .tag(`20240101_000000_${aName}`)
        .createCollection(invoices, [{ name: 'id', type: 'integer', primaryKey: true }])
        .build();
      await expect(engine.up(b)).rejects.toBeInstanceOf(MigrationFailedError);
      await engine.up(a);
      await engine.up(b);
      const mine = (await engine.getHistory()).filter((h) => h.name === a.name || h.name === b.name);
      expect(mine.map((h) => h.name)).toEqual([a.name, b.name]);
      expect(mine.every((h) => h.status === 'applied')).toBe(true);
      // The spec's "Rollback to Specific Point" loop, on this history: newest first in apply order.
      const history = (await engine.getHistory()).filter((h) => h.name === a.name || h.name === b.name);
      for (let i = history.length - 1; i >= 0; i--) await engine.down(history[i]!.migration);
      expect(await kit.snapshot(invoices)).toBeUndefined();
      expect((await engine.getHistory()).some((h) => h.name === a.name || h.name === b.name)).toBe(false);
    });

    it('rollbackTo compensates a failed run after the target, then rolls back in apply order', async () => {
      const t = unique('rbt');
      const engine = kit.engine();
      const base = migration(unique('rbt_base'))
        .createCollection(t, [{ name: 'id', type: 'integer', primaryKey: true }])
        .build();
      const add = migration(unique('rbt_add')).addField(t, 'x', { type: 'integer' }).build();
      const failing = migration(unique('rbt_fail')).addField(t, 'y', { type: 'integer' }).addField(unique('missing'), 'z', { type: 'integer' }).build();
      await engine.up(base);
      const before = await kit.snapshot(t);
      await engine.up(add);
      await expect(engine.up(failing)).rejects.toBeInstanceOf(MigrationFailedError);
      await engine.rollbackTo(base.tag);
      expect(comparable(await kit.snapshot(t))).toEqual(comparable(before));
      const names = (await engine.getHistory()).map((h) => h.name);
      expect(names).toContain(base.name);
      expect(names).not.toContain(add.name);
      expect(names).not.toContain(failing.name);
    });

    it('a create with ifNotExists that found the table records a down that leaves the table', async () => {
      const t = unique('ine');
      const engine = kit.engine();
      const first = migration(unique('ine_create'))
        .createCollection(t, [{ name: 'id', type: 'integer', primaryKey: true }])
        .build();
      const again = migration(unique('ine_again'))
        .createCollection(t, [{ name: 'id', type: 'integer', primaryKey: true }], { sqlOptions: { ifNotExists: true } })
        .build();
      await engine.up(first);
      const before = await kit.snapshot(t);
      await engine.up(again);
      expect((await engine.preview(again, 'down')).steps).toEqual([]);
      await engine.down(again);
      expect(comparable(await kit.snapshot(t))).toEqual(comparable(before));
      await engine.down(first);
      expect(await kit.snapshot(t)).toBeUndefined();
    });

    it('a create with ifNotExists that made the table drops it on down', async () => {
      const t = unique('ine_new');
      const engine = kit.engine();
      const m = migration(unique('ine_new'))
        .createCollection(t, [{ name: 'id', type: 'integer', primaryKey: true }], { sqlOptions: { ifNotExists: true } })
        .build();
      await engine.up(m);
      expect(await kit.snapshot(t)).toBeDefined();
      await engine.down(m);
      expect(await kit.snapshot(t)).toBeUndefined();
    });

    it('addField of a field that exists is refused, typed and before any change (schemaless stores would replace it)', async () => {
      const t = unique('dup');
      const engine = kit.engine();
      await engine.up(
        migration(unique('dup_create'))
          .createCollection(t, [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'a', type: 'string', length: 20 },
          ])
          .build(),
      );
      const before = await kit.snapshot(t);
      const m = migration(unique('dup_add')).addField(t, 'a', { type: 'integer' }).build();
      const error = await engine.up(m).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DuctapeError);
      expect((error as DuctapeError).code).toBe('DUCTAPE_VALIDATION');
      expect(comparable(await kit.snapshot(t))).toEqual(comparable(before));
      expect((await engine.getHistory()).some((h) => h.name === m.name)).toBe(false);
    });

    it('an inline reference becomes a foreign key named <table>_<column>_fkey, and down drops it', async (ctx) => {
      if (!kit.adapter.capabilities.foreignKeys) return ctx.skip();
      const parent = unique('parent');
      const child = unique('child');
      const engine = kit.engine();
      await engine.up(
        migration(unique('ref_parent'))
          .createCollection(parent, [{ name: 'id', type: 'integer', primaryKey: true }])
          .build(),
      );
      await engine.up(
        migration(unique('ref_child'))
          .createCollection(child, [{ name: 'id', type: 'integer', primaryKey: true }])
          .build(),
      );
      const before = await kit.snapshot(child);
      const m = migration(unique('ref_add'))
        .addField(child, 'parentId', { type: 'integer', references: { table: parent, onDelete: 'CASCADE' } })
        .build();
      await engine.up(m);
      const fk = (await kit.snapshot(child))?.constraints?.find((k) => k.type === 'foreignKey');
      expect(fk).toMatchObject({ name: foreignKeyName(child, 'parentId'), columns: ['parentId'], references: { table: parent, columns: ['id'], onDelete: 'CASCADE' } });
      await engine.down(m);
      expect(comparable(await kit.snapshot(child))).toEqual(comparable(before));
    });

    it('a field unique key is named <table>_<column>_key: dropConstraint by that name works, and down restores it', async (ctx) => {
      if (!kit.adapter.capabilities.foreignKeys || !kit.adapter.capabilities.uniqueConstraints) return ctx.skip(); // the SQL databases
      const t = unique('uk');
      const engine = kit.engine();
      await engine.up(
        migration(unique('uk_create'))
          .createCollection(t, [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'email', type: 'string', length: 100, unique: true },
          ])
          .build(),
      );
      const before = await kit.snapshot(t);
      const m = migration(unique('uk_drop')).dropConstraint(t, uniqueKeyName(t, 'email')).build();
      await engine.up(m);
      expect(comparable(await kit.snapshot(t))).not.toEqual(comparable(before));
      await engine.down(m);
      expect(comparable(await kit.snapshot(t))).toEqual(comparable(before));
    });

    it('modifyField built without previous changes the column (never applied with nothing run) and down restores it', async (ctx) => {
      if (!kit.adapter.capabilities.modifyField) return ctx.skip();
      if (kit.target.declaredRefusals?.includes('modifyField (length, required)')) return ctx.skip();
      const t = unique('widen');
      const engine = kit.engine();
      await engine.up(
        migration(unique('widen_setup'))
          .createCollection(t, [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'b', type: 'string', length: 100 },
          ])
          .build(),
      );
      const before = await kit.snapshot(t);
      const m = migration(unique('widen')).modifyField(t, 'b', { length: 255 }).build();
      const preview = await engine.preview(m);
      // Never zero steps; a database where a length is only declared (Cassandra) states a no-op.
      expect(preview.steps.length).toBeGreaterThan(0);
      await engine.up(m);
      expect((await kit.snapshot(t))?.fields.find((f) => f.name === 'b')).toMatchObject({ length: 255 });
      await engine.down(m);
      expect(comparable(await kit.snapshot(t))).toEqual(comparable(before));
    });
  });
}
