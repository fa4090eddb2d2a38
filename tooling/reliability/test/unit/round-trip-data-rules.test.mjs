import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArbitrary } from '../../src/round-trip/arbitraries.mjs';
import { unholdable } from '../../src/round-trip/holdable.mjs';
import { interpret } from '../../src/round-trip/interpret.mjs';
import { applyOp, cloneModel, emptyModel } from '../../src/round-trip/model.mjs';
import { profileOf } from '../../src/round-trip/profile.mjs';
import { rowFor } from '../../src/round-trip/values.mjs';
import { CAPS } from '../support/capabilities.mjs';

const SQL_CAPS = CAPS.postgres;
const ID = { name: 'id', type: 'integer', primaryKey: true };

/** Migrations as interpret returns them, from hand-written ops and rows (rows first, as interpret writes them). */
function historyOf(profile, steps) {
  const model = emptyModel();
  return steps.map((s, i) => {
    model.clock = i;
    for (const [table, rows] of Object.entries(s.rows ?? {})) for (const r of rows) model.tables[table].rows.push({ ...r });
    for (const op of s.ops) applyOp(model, op, profile);
    return { index: i, ops: s.ops, expected: cloneModel(model) };
  });
}

function modelOf(profile, ops) {
  const model = emptyModel();
  ops.forEach((op, i) => {
    model.clock = i;
    applyOp(model, op, profile);
  });
  return model;
}

describe('roundTrip data rules (rows every later down, rollbackTo and up again can hold)', () => {
  it('the checker finds rows a down or an up again cannot hold: a dropped check, a required field added again, a younger key target', () => {
    const profile = profileOf('postgres', SQL_CAPS);
    const check = historyOf(profile, [
      { ops: [{ type: 'createCollection', name: 't', fields: [ID, { name: 'n', type: 'integer' }] }] },
      { ops: [{ type: 'addConstraint', collection: 't', constraint: { name: 't_ck', type: 'check', expression: '"n" >= 0' }, _checkColumns: ['n'] }] },
      { ops: [{ type: 'dropConstraint', collection: 't', name: 't_ck' }] },
      { rows: { t: [{ id: 1, n: -1 }] }, ops: [{ type: 'createCollection', name: 'u', fields: [ID] }] },
    ]);
    expect(unholdable(profile, check).join('\n')).toMatch(/down, state after migration 1: t row 1 breaks check t_ck \(n = -1\)/);

    const required = historyOf(profile, [
      { ops: [{ type: 'createCollection', name: 't', fields: [ID] }] },
      { ops: [{ type: 'addField', collection: 't', field: { name: 'r', type: 'integer', required: true } }] },
      { rows: { t: [{ id: 1, r: 5 }] }, ops: [{ type: 'createCollection', name: 'u', fields: [ID] }] },
    ]);
    expect(unholdable(profile, required).join('\n')).toMatch(/up again after rollbackTo 1, state after migration 1: t\.r row 1 is null under NOT NULL/);

    const younger = historyOf(profile, [
      { ops: [{ type: 'createCollection', name: 't', fields: [ID, { name: 'p', type: 'integer' }] }] },
      { ops: [{ type: 'createCollection', name: 'parent', fields: [ID] }] },
      {
        rows: { parent: [{ id: 1 }] },
        ops: [{ type: 'addConstraint', collection: 't', constraint: { name: 't_fk', type: 'foreignKey', columns: ['p'], references: { table: 'parent', columns: ['id'] } } }],
      },
      { rows: { t: [{ id: 1, p: 1 }] }, ops: [{ type: 'createCollection', name: 'u', fields: [ID] }] },
    ]);
    expect(unholdable(profile, younger).join('\n')).toMatch(/up again after rollbackTo 1, state after migration 2: t row 1 breaks foreign key t_fk/);
  });

  it('the generator writes only holdable rows (PostgreSQL, PGlite, MariaDB, MySQL profiles; every rollbackTo point)', () => {
    for (const [key, seed] of [
      ['postgres', 20261125],
      ['pglite', 7],
      ['mariadb', 20261125],
      ['mysql', 8],
    ]) {
      const profile = profileOf(key, { ...SQL_CAPS, partialIndexes: key === 'postgres' || key === 'pglite' });
      const found = [];
      fc.sample(historyArbitrary(), { seed, numRuns: 80 }).forEach((h, i) => {
        const problems = unholdable(profile, interpret(profile, h, `d${i}`).migrations);
        if (problems.length) found.push(`${key} seed ${seed} history ${i}: ${problems[0]}`);
      });
      expect(found).toEqual([]);
    }
  });

  it('a check dropped earlier keeps its rule for rows written later, and no negative default comes near it', () => {
    const profile = profileOf('postgres', SQL_CAPS);
    const model = modelOf(profile, [
      { type: 'createCollection', name: 't', fields: [ID, { name: 'n', type: 'integer' }, { name: 'd', type: 'decimal', precision: 10, scale: 2 }] },
      { type: 'addConstraint', collection: 't', constraint: { name: 't_ck', type: 'check', expression: '"n" >= 0' }, _checkColumns: ['n'] },
      { type: 'dropConstraint', collection: 't', name: 't_ck' },
    ]);
    const t = model.tables.t;
    expect(t.fields.find((f) => f.name === 'n').sticky.check).toBe(true);
    const values = [];
    for (let n = 0; n < 30; n++) values.push(rowFor(profile, model, t, n)?.n);
    expect(values.filter((v) => v !== null && v !== undefined).length).toBeGreaterThan(0);
    expect(values.filter((v) => typeof v === 'number' && v < 0)).toEqual([]);
  });

  it('a foreign key value points only at a table as old as its own, and only null once the key had two targets or its target was dropped', () => {
    const profile = profileOf('postgres', SQL_CAPS);
    const fk = (name, table) => ({ type: 'addConstraint', collection: 't', constraint: { name, type: 'foreignKey', columns: ['p'], references: { table, columns: ['id'] } } });
    const older = modelOf(profile, [
      { type: 'createCollection', name: 'parent', fields: [ID] },
      { type: 'createCollection', name: 't', fields: [ID, { name: 'p', type: 'integer' }] },
      fk('t_fk', 'parent'),
    ]);
    older.tables.parent.rows.push({ id: 1 }, { id: 2 });
    const picked = [...Array(10).keys()].map((n) => rowFor(profile, older, older.tables.t, n).p);
    expect(picked.some((v) => v === 1 || v === 2)).toBe(true);

    const younger = modelOf(profile, [
      { type: 'createCollection', name: 't', fields: [ID, { name: 'p', type: 'integer' }] },
      { type: 'createCollection', name: 'parent', fields: [ID] },
      fk('t_fk', 'parent'),
    ]);
    younger.tables.parent.rows.push({ id: 1 });
    expect([...Array(10).keys()].map((n) => rowFor(profile, younger, younger.tables.t, n).p)).toEqual(Array(10).fill(null));

    const two = modelOf(profile, [
      { type: 'createCollection', name: 'a', fields: [ID] },
      { type: 'createCollection', name: 'b', fields: [ID] },
      { type: 'createCollection', name: 't', fields: [ID, { name: 'p', type: 'integer' }] },
      fk('t_fk_a', 'a'),
      { type: 'dropConstraint', collection: 't', name: 't_fk_a' },
      fk('t_fk_b', 'b'),
    ]);
    two.tables.a.rows.push({ id: 1 });
    two.tables.b.rows.push({ id: 1 });
    expect([...Array(10).keys()].map((n) => rowFor(profile, two, two.tables.t, n).p)).toEqual(Array(10).fill(null));
  });

  it('a table that got a NOT NULL column without default takes no more rows (sealed); an empty-added column is marked', () => {
    const profile = profileOf('postgres', SQL_CAPS);
    const model = modelOf(profile, [
      { type: 'createCollection', name: 't', fields: [ID] },
      { type: 'addField', collection: 't', field: { name: 'x', type: 'integer' } },
      { type: 'addField', collection: 't', field: { name: 'y', type: 'integer', default: 7 } },
    ]);
    expect(model.tables.t.sealed).toBeUndefined();
    expect(model.tables.t.fields.find((f) => f.name === 'x').added).toBe(true);
    expect(model.tables.t.fields.find((f) => f.name === 'y').filledWith).toBe(7);
    applyOp(model, { type: 'modifyField', collection: 't', field: 'x', changes: { required: true } }, profile);
    expect(model.tables.t.sealed).toBe(true);
    const other = modelOf(profile, [
      { type: 'createCollection', name: 'u', fields: [ID] },
      { type: 'addField', collection: 'u', field: { name: 'r', type: 'integer', required: true } },
    ]);
    expect(other.tables.u.sealed).toBe(true);
  });

  it('MySQL and MariaDB: never a check and a foreign key that changes the column (ON UPDATE CASCADE/SET NULL, ON DELETE SET NULL) on one column', () => {
    for (const key of ['mysql', 'mariadb']) {
      const profile = profileOf(key, { ...SQL_CAPS, partialIndexes: false });
      let both = 0;
      let checks = 0;
      for (const h of fc.sample(historyArbitrary(), { seed: 20261125, numRuns: 300 }))
        for (const m of interpret(profile, h, 'c').migrations)
          for (const t of Object.values(m.expected.tables))
            for (const k of t.constraints.filter((x) => x.type === 'check')) {
              checks++;
              const col = k.checkColumns?.[0];
              const changing = t.constraints.some(
                (x) => x.type === 'foreignKey' && x.columns.includes(col) && (x.references.onUpdate === 'CASCADE' || x.references.onUpdate === 'SET NULL' || x.references.onDelete === 'SET NULL'),
              );
              if (changing) both++;
            }
      expect(checks).toBeGreaterThan(0);
      expect(both, key).toBe(0);
    }
  });
});
