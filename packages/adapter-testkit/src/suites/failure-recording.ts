import { describe, expect, it } from 'vitest';
import { MigrationFailedError, type Operation } from '@ductape/core';
import { expectedApplied } from '../support/expected-applied.js';
import { build, unique } from '../support/fixtures.js';
import type { KitContext } from '../support/kit-context.js';

/** A failure in the middle of a migration is recorded with the steps applied, and can be compensated. */
export function failureRecording(kit: KitContext): void {
  describe('failure in the middle of a migration', () => {
    it('records status failed, the error and the steps applied; compensate undoes them', async () => {
      const existing = unique('fx');
      await kit.apply(
        build('fx_setup', {
          type: 'createCollection',
          name: existing,
          fields: [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'n', type: 'integer' },
          ],
        }),
      );
      const fresh = unique('fy');
      const ops: Operation[] = [
        { type: 'createCollection', name: fresh, fields: [{ name: 'id', type: 'integer', primaryKey: true }] },
        { type: 'createIndex', collection: existing, name: `${existing}_n`, fields: [{ name: 'n' }] },
        { type: 'addField', collection: unique('missing'), field: { name: 'x', type: 'integer' } },
      ];
      const m = build('fails_midway', ...ops);
      const engine = kit.engine();
      const steps = engine.plan(m).steps;
      const failAt = steps.length - 1;
      const applied = expectedApplied(steps, failAt, kit.adapter.capabilities.transactionalDdl);
      const error = await engine.up(m).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MigrationFailedError);
      expect(error).toMatchObject({ code: 'DUCTAPE_MIGRATION_FAILED', stepsApplied: applied, stepsTotal: steps.length });
      const row = (await engine.getHistory()).find((h) => h.name === m.name);
      expect(row).toMatchObject({ status: 'failed', direction: 'up', stepsApplied: applied, stepsTotal: steps.length });
      expect(row?.error).toBeTruthy();
      expect((await kit.snapshot(fresh)) !== undefined).toBe(applied > 0);
      await engine.compensate(m);
      expect((await engine.getHistory()).some((h) => h.name === m.name)).toBe(false);
      expect(await kit.snapshot(fresh)).toBeUndefined();
      expect((await kit.snapshot(existing))?.indexes ?? []).toEqual([]);
    });
  });
}
