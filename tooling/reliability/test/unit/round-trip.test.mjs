import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { historyArbitrary } from '../../src/round-trip/arbitraries.mjs';
import { buildMigration, snippet } from '../../src/round-trip/apply.mjs';
import { interpret } from '../../src/round-trip/interpret.mjs';
import { profileOf } from '../../src/round-trip/profile.mjs';
import { projectTable } from '../../src/round-trip/project.mjs';
import { CAPS } from '../support/capabilities.mjs';

const PG_CAPS = CAPS.postgres;
const CASSANDRA_CAPS = CAPS.cassandra;

describe('roundTrip generator', () => {
  it('gives the same histories for a seed, 5 to 40 migrations of 1 to 6 ops', () => {
    const a = fc.sample(historyArbitrary(), { seed: 3, numRuns: 20 });
    expect(JSON.stringify(fc.sample(historyArbitrary(), { seed: 3, numRuns: 20 }))).toBe(JSON.stringify(a));
    for (const h of a) {
      expect(h.migrations.length).toBeGreaterThanOrEqual(5);
      expect(h.migrations.length).toBeLessThanOrEqual(40);
      for (const m of h.migrations) expect(m.ops.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('draws every op the database claims, both paths, and builds every builder migration without previous', () => {
    const profile = profileOf('pglite', PG_CAPS);
    const mix = {};
    const via = new Set();
    for (const h of fc.sample(historyArbitrary(), { seed: 11, numRuns: 30 })) {
      const { migrations, mix: m } = interpret(profile, h, 'u');
      for (const [k, v] of Object.entries(m)) mix[k] = (mix[k] ?? 0) + v;
      for (const x of migrations) {
        via.add(x.via);
        if (x.via === 'builder') {
          const built = buildMigration(x);
          expect(built.up.length).toBeGreaterThanOrEqual(x.ops.length);
          for (const op of built.up) expect(op).not.toHaveProperty('previous');
        }
      }
    }
    for (const op of profile.ops)
      expect(
        Object.keys(mix).some((k) => k === op || k.startsWith(`${op}:`)),
        op,
      ).toBe(true);
    for (const kind of ['unique', 'foreignKey', 'check']) expect(mix[`addConstraint:${kind}`], kind).toBeGreaterThan(0);
    expect([...via].sort()).toEqual(['builder', 'sdk']);
  });

  it('draws nothing Cassandra refuses by design (no rename of regular columns, no constraints, no odd names)', () => {
    const profile = profileOf('cassandra', CASSANDRA_CAPS);
    expect(profile.ops).not.toContain('renameField');
    expect(profile.ops).not.toContain('renameCollection');
    expect(profile.ops).not.toContain('addConstraint');
    for (const h of fc.sample(historyArbitrary(), { seed: 5, numRuns: 10 })) {
      for (const m of interpret(profile, h, 'c').migrations)
        for (const op of m.ops) {
          if (op.type === 'createCollection') expect(op.name).toMatch(/^[a-z0-9_]+$/);
          if (op.type === 'createIndex') expect(op.fields).toHaveLength(1);
        }
    }
  });

  it('prints a history as a builder snippet', () => {
    const profile = profileOf('pglite', PG_CAPS);
    const [h] = fc.sample(historyArbitrary({ maxMigrations: 5 }), { seed: 2, numRuns: 1 });
    const text = snippet(interpret(profile, h, 's').migrations);
    expect(text).toContain("import { migration } from '@ductape/core';");
    expect(text).toContain('.build();');
  });

  it('compares a table by what must round-trip (a named primary key marks its column)', () => {
    const profile = profileOf('pglite', PG_CAPS);
    const a = projectTable(profile, { name: 't', fields: [{ name: 'id', type: 'integer', required: true }], constraints: [{ name: 'old_pkey', type: 'primaryKey', columns: ['id'] }] });
    const b = projectTable(profile, { name: 't', fields: [{ name: 'id', type: 'integer', primaryKey: true }] });
    expect(a).toEqual(b);
    expect(projectTable(profile, { name: 't', fields: [{ name: 'b', type: 'blob' }] }).fields[0].type).toBe('binary');
    const asc = projectTable(profile, { name: 't', fields: [], indexes: [{ name: 'i', fields: [{ name: 'n' }] }] });
    const desc = projectTable(profile, { name: 't', fields: [], indexes: [{ name: 'i', fields: [{ name: 'n', order: 'DESC' }] }] });
    expect(asc).not.toEqual(desc);
  });
});
