import { describe, expect, it } from 'vitest';
import { DuctapeError, migration, uniqueKeyName } from '@ductape/core';
import { comparable, unique } from '../support/fixtures.js';
import type { KitContext } from '../support/kit-context.js';

/**
 * A drop keeps what hangs on what it drops (foreign keys of other tables come back with the
 * down), and a rename carries the names derived from the old name, so a down or a replay gives
 * the schema back exactly (roundTrip findings 3, 4, 6, 12).
 */
export function dropsAndRenames(kit: KitContext): void {
  describe('drops and renames keep what hangs on them', () => {
    const parentAndChild = async () => {
      const parent = unique('par');
      const child = unique('chi');
      const engine = kit.engine();
      await engine.up(
        migration(unique('pc_create'))
          .createCollection(parent, [{ name: 'id', type: 'integer', primaryKey: true }])
          .createCollection(child, [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'parentId', type: 'integer', references: { table: parent, onDelete: 'CASCADE' } },
          ])
          .build(),
      );
      return { parent, child, engine };
    };

    it('a cascading dropCollection drops the foreign keys that reference it explicitly, and down restores them', async (ctx) => {
      if (!kit.adapter.capabilities.foreignKeys) return ctx.skip();
      const { parent, child, engine } = await parentAndChild();
      const before = { parent: await kit.snapshot(parent), child: await kit.snapshot(child) };
      const m = migration(unique('pc_drop')).dropCollection(parent, { cascade: true }).build();
      await engine.up(m);
      expect(await kit.snapshot(parent)).toBeUndefined();
      expect((await kit.snapshot(child))?.constraints?.some((k) => k.type === 'foreignKey')).toBe(false);
      await engine.down(m);
      expect(comparable(await kit.snapshot(parent))).toEqual(comparable(before.parent));
      expect(comparable(await kit.snapshot(child))).toEqual(comparable(before.child));
    });

    it('a dropCollection without cascade that a foreign key blocks is refused before any change', async (ctx) => {
      if (!kit.adapter.capabilities.foreignKeys) return ctx.skip();
      const { parent, child, engine } = await parentAndChild();
      const before = { parent: await kit.snapshot(parent), child: await kit.snapshot(child) };
      const m = migration(unique('pc_drop_plain')).dropCollection(parent).build();
      const error = await engine.up(m).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DuctapeError);
      expect((error as DuctapeError).code).toBe('DUCTAPE_VALIDATION');
      expect(String((error as Error).message)).toContain(child);
      expect(comparable(await kit.snapshot(parent))).toEqual(comparable(before.parent));
      expect(comparable(await kit.snapshot(child))).toEqual(comparable(before.child));
      expect((await engine.getHistory()).some((h) => h.name === m.name)).toBe(false);
    });

    it('after renameCollection a field unique key answers to the new name, and renaming back gives the table back', async (ctx) => {
      if (!kit.adapter.capabilities.renameCollection || !kit.adapter.capabilities.foreignKeys || !kit.adapter.capabilities.uniqueConstraints) return ctx.skip(); // the SQL databases
      const from = unique('rn');
      const to = unique('rn2');
      const engine = kit.engine();
      await engine.up(
        migration(unique('rn_create'))
          .createCollection(from, [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'code', type: 'string', length: 40, unique: true },
            { name: 'state', type: 'enum', enumValues: ['a', 'b'], default: 'a' },
          ])
          .build(),
      );
      const before = await kit.snapshot(from);
      const rename = migration(unique('rn_rename')).renameCollection(from, to).build();
      await engine.up(rename);
      const renamed = await kit.snapshot(to);
      expect(comparable(renamed && { ...renamed, name: from })).toEqual(comparable(before));
      const dropKey = migration(unique('rn_dropkey')).dropConstraint(to, uniqueKeyName(to, 'code')).build();
      await engine.up(dropKey);
      expect((await kit.snapshot(to))?.fields.find((f) => f.name === 'code')?.unique).toBeFalsy();
      await engine.down(dropKey);
      await engine.down(rename);
      expect(comparable(await kit.snapshot(from))).toEqual(comparable(before));
    });

    it('a rename and a drop of the renamed table in one migration: down gives the table back under its name', async (ctx) => {
      if (!kit.adapter.capabilities.renameCollection) return ctx.skip();
      const from = unique('rd');
      const to = unique('rd2');
      const engine = kit.engine();
      await engine.up(
        migration(unique('rd_create'))
          .createCollection(from, [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'n', type: 'integer' },
          ])
          .build(),
      );
      const before = await kit.snapshot(from);
      const m = migration(unique('rd_rename_drop')).renameCollection(from, to).dropCollection(to).build();
      await engine.up(m);
      expect(await kit.snapshot(from)).toBeUndefined();
      expect(await kit.snapshot(to)).toBeUndefined();
      await engine.down(m);
      expect(comparable(await kit.snapshot(from))).toEqual(comparable(before));
    });
  });
}
