import { describe, expect, it } from 'vitest';
import { DuctapeError, migration, type FieldDefinition } from '@ductape/core';
import { build, comparable, unique } from '../support/fixtures.js';
import { expectDeclaredRefusal } from '../support/declared-refusal.js';
import type { KitContext } from '../support/kit-context.js';

/** Identifiers with quotes, spaces, unicode and reserved words work everywhere; odd values survive; bad values are refused. */
export function identifiersAndValues(kit: KitContext): void {
  describe('identifiers and values', () => {
    it('quotes, spaces, unicode and reserved words in table, field, index and constraint names', async () => {
      const oddTable = `${unique('t')} "odd" 'q' ü`;
      const oddIndex = 'idx "odd" ✓';
      const fields: FieldDefinition[] = [
        { name: 'select', type: 'integer', primaryKey: true },
        { name: 'from "x"', type: 'string', length: 30 },
        { name: 'naïve ✓ 名前', type: 'text' },
        { name: "it's", type: 'integer' },
        { name: 'n', type: 'integer' },
      ];
      // A database without composite indexes (declared) gets the same odd names on one column.
      const composite = !kit.target.declaredRefusals?.includes('createIndex (composite, desc)');
      let plainIndex = false;
      const odd = (t: string, i: string) =>
        migration(unique('odd_names'))
          .createCollection(t, fields)
          .createIndex(t, i, plainIndex ? [{ name: 'n' }] : composite ? [{ name: 'from "x"' }, { name: "it's", order: 'DESC' }] : [{ name: 'from "x"' }])
          .build();
      // A database whose table and index names are restricted must refuse them before IO;
      // the odd field names, reserved words and the rest are still checked with plain names.
      const refused = expectDeclaredRefusal(kit, 'odd table and index names', odd(oddTable, oddIndex));
      plainIndex = refused; // such a database may restrict indexed column names too
      const table = refused ? unique('t') : oddTable;
      const index = refused ? unique('idx') : oddIndex;
      if (refused) expect(await kit.snapshot(oddTable)).toBeUndefined();
      const m = odd(table, index);
      const engine = kit.engine();
      await engine.up(m);
      const s = await kit.snapshot(table);
      expect(s?.fields.map((f) => f.name).sort()).toEqual(fields.map((f) => f.name).sort());
      expect(s?.indexes?.map((i) => i.name)).toContain(index);
      const rename = build('odd_rename', { type: 'renameField', collection: table, from: 'naïve ✓ 名前', to: 'order' });
      if (kit.adapter.capabilities.renameField && !expectDeclaredRefusal(kit, 'renameField', rename)) {
        await engine.up(rename);
        expect((await kit.snapshot(table))?.fields.some((f) => f.name === 'order')).toBe(true);
        await engine.down(rename);
      }
      expect(comparable(await kit.snapshot(table))).toEqual(comparable(s));
      await engine.down(m);
      expect(await kit.snapshot(table)).toBeUndefined();
    });

    it('string defaults with quotes, backslashes and unicode round-trip exactly', async () => {
      const table = unique('vals');
      const tricky = `it's "quoted" \\ back\\slash; DROP TABLE x; -- ü ✓ 🚀 $$ $tag$`;
      await kit.apply(
        build('vals', {
          type: 'createCollection',
          name: table,
          fields: [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'v', type: 'text', default: tricky },
            { name: 'e', type: 'enum', enumValues: ["a'b", 'c"d', 'ü'], default: "a'b" },
          ],
        }),
      );
      const s = await kit.snapshot(table);
      expect(s?.fields.find((f) => f.name === 'v')?.default).toBe(tricky);
      expect(s?.fields.find((f) => f.name === 'e')).toMatchObject({ enumValues: ["a'b", 'c"d', 'ü'], default: "a'b" });
    });

    it('bad values are refused before any IO', async () => {
      const table = unique('bad');
      const bad = [
        { name: 'n', type: 'integer', default: 'not a number' },
        { name: 's', type: 'string', length: -5 },
        { name: 'e', type: 'enum', enumValues: [] },
        ...(kit.target.badFields ?? []),
      ] as unknown as FieldDefinition[];
      for (const field of bad) {
        let error: unknown;
        try {
          const m = build('bad_value', { type: 'createCollection', name: table, fields: [{ name: 'id', type: 'integer', primaryKey: true }, field] });
          await kit.engine().up(m);
        } catch (e) {
          error = e;
        }
        expect(error, JSON.stringify(field)).toBeInstanceOf(DuctapeError);
        expect(await kit.snapshot(table)).toBeUndefined();
      }
    });

    it('a name too long for the database is refused before any IO', async () => {
      const table = `t_${'x'.repeat(120)}`;
      let error: unknown;
      try {
        await kit.engine().up(build('too_long', { type: 'createCollection', name: table, fields: [{ name: 'id', type: 'integer', primaryKey: true }] }));
      } catch (e) {
        error = e;
      }
      // Either the adapter supports it (and created it) or it refused with a typed error.
      if (error === undefined) expect(await kit.snapshot(table)).toBeDefined();
      else expect(error).toBeInstanceOf(DuctapeError);
    });
  });
}
