import { describe, expect, it } from 'vitest';
import { UnsupportedOperationError, type Capabilities, type Operation } from '@ductape/core';
import { build, unique } from '../support/fixtures.js';
import type { KitContext } from '../support/kit-context.js';

const needing: { readonly [K in keyof Capabilities]?: (t: string) => Operation } = {
  renameField: (t) => ({ type: 'renameField', collection: t, from: 'a', to: 'b' }),
  modifyField: (t) => ({ type: 'modifyField', collection: t, field: 'a', changes: { length: 10 }, previous: { name: 'a', type: 'string' } }),
  dropField: (t) => ({ type: 'dropField', collection: t, field: 'a', previous: { name: 'a', type: 'string' } }),
  foreignKeys: (t) => ({ type: 'addConstraint', collection: t, constraint: { name: 'fk', type: 'foreignKey', columns: ['a'], references: { table: 'x', columns: ['id'] } } }),
  checkConstraints: (t) => ({ type: 'addConstraint', collection: t, constraint: { name: 'ck', type: 'check', expression: 'a > 0' } }),
  uniqueConstraints: (t) => ({ type: 'addConstraint', collection: t, constraint: { name: 'uq', type: 'unique', columns: ['a'] } }),
  partialIndexes: (t) => ({ type: 'createIndex', collection: t, name: 'px', fields: [{ name: 'a' }], where: 'a > 0' }),
};

/** What an adapter does not claim is refused before any IO: nothing created, nothing recorded. */
export function refusal(kit: KitContext): void {
  describe('unsupported operations are refused before any IO', () => {
    it('a raw operation for another dialect', async () => {
      const table = unique('never');
      const m = build(
        'refused_raw',
        { type: 'createCollection', name: table, fields: [{ name: 'id', type: 'integer', primaryKey: true }] },
        { type: 'raw', dialect: 'no-such-dialect', sql: 'SELECT 1' },
      );
      await expect(kit.engine().up(m)).rejects.toBeInstanceOf(UnsupportedOperationError);
      expect(await kit.snapshot(table)).toBeUndefined();
      expect((await kit.engine().getHistory()).some((h) => h.name === m.name)).toBe(false);
    });

    for (const [flag, make] of Object.entries(needing) as [keyof Capabilities, (t: string) => Operation][]) {
      it(`${flag}: run when claimed, refused when not`, async (ctx) => {
        if (kit.adapter.capabilities[flag]) return ctx.skip(); // claimed: the round-trip checks run it
        const table = unique('never');
        const m = build(
          `refused_${flag}`,
          {
            type: 'createCollection',
            name: table,
            fields: [
              { name: 'k', type: 'integer', primaryKey: true },
              { name: 'a', type: 'string' },
            ],
          },
          make(table),
        );
        await expect(kit.engine().up(m)).rejects.toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
        expect(await kit.snapshot(table)).toBeUndefined();
      });
    }
  });
}
