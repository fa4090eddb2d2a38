import { ValidationError, migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { indexEvents, keyPatternConflicts } from '../../src/compile/index-key-patterns.js';
import { compileMongo } from '../../src/index.js';
import { settings } from '../support/compile-helpers.js';

const plan = (m: ReturnType<ReturnType<typeof migration>['build']>) => m.up.flatMap((op, index) => compileMongo(op, { migration: m, direction: 'up', index, options: {} }, settings()));
const conflicts = (m: ReturnType<ReturnType<typeof migration>['build']>, live: Record<string, { name: string; key: [string, unknown][] }[]> = {}) =>
  keyPatternConflicts(indexEvents(m.up, 'up'), (c) => live[c], 'a live index').map((i) => i.path);

// Reliability finding 15: one index per key pattern (same fields, order and directions), unique or not.
describe('key patterns (finding 15)', () => {
  it('a repeat within the migration is refused at compile time, whatever unique says', () => {
    const m = migration('m')
      .addConstraint('events', { name: 'events_uq', type: 'unique', columns: ['code'] })
      .createIndex('events', 'events_ix', ['code'])
      .build();
    expect(() => plan(m)).toThrow(ValidationError);
    expect(() => plan(m)).toThrow(/index "events_ix" on "events" has the key pattern \{ "code": 1 \} of index "events_uq", created earlier in this migration/);
    const field = migration('f').addField('events', 'code', { type: 'string', unique: true, required: true }).createIndex('events', 'ix', ['code']).build();
    expect(() => plan(field)).toThrow(/"events_code_key"/);
    expect(() => plan(migration('id').createIndex('events', 'by_id', ['_id']).build())).toThrow(/"_id_"/);
  });

  it('other directions, orders, a drop or a rename in between are not repeats', () => {
    expect(
      conflicts(
        migration('a')
          .createIndex('e', 'a', ['x', 'y'])
          .createIndex('e', 'b', ['y', 'x'])
          .createIndex('e', 'c', [{ name: 'x', order: 'DESC' }, 'y'])
          .build(),
      ),
    ).toEqual([]);
    expect(conflicts(migration('b').createIndex('e', 'a', ['x']).dropIndex('e', 'a').createIndex('e', 'b', ['x']).build())).toEqual([]);
    expect(conflicts(migration('c').createIndex('e', 'a', ['x']).renameField('e', 'x', 'z').createIndex('e', 'b', ['x']).build())).toEqual([]);
    expect(conflicts(migration('d').createIndex('e', 'a', ['x']).renameField('e', 'x', 'z').createIndex('e', 'b', ['z']).build())).toEqual(['up[2]']);
  });

  it('against live indexes: followed through renames and drops; nothing is told after a raw op', () => {
    const live = {
      e: [
        { name: '_id_', key: [['_id', 1]] as [string, unknown][] },
        { name: 'uq', key: [['code', 1]] as [string, unknown][] },
      ],
    };
    expect(conflicts(migration('a').createIndex('e', 'ix', ['code']).build(), live)).toEqual(['up[0]']);
    expect(conflicts(migration('b').renameCollection('e', 'f').createIndex('f', 'ix', ['code']).build(), live)).toEqual(['up[1]']);
    expect(conflicts(migration('c').dropConstraint('e', 'uq').createIndex('e', 'ix', ['code']).build(), live)).toEqual([]);
    expect(conflicts(migration('d').raw('mongodb', { ping: 1 }).createIndex('e', 'ix', ['code']).build(), live)).toEqual([]);
  });

  it('the live check rides on the first step that sends anything, only when an existing collection gets an index', () => {
    const m = migration('m').addField('events', 'extra', 'integer').createIndex('events', 'ix', ['code']).build();
    const steps = plan(m) as { keyPatternCheck?: unknown }[];
    expect(steps.map((s) => s.keyPatternCheck !== undefined)).toEqual([true, ...steps.slice(1).map(() => false)]);
    const fresh = migration('n')
      .createCollection('t', [{ name: 'id', type: 'integer', primaryKey: true }])
      .createIndex('t', 'ix', [{ name: 'id', order: 'DESC' }])
      .build();
    expect((plan(fresh) as { keyPatternCheck?: unknown }[]).some((s) => s.keyPatternCheck)).toBe(false);
  });
});
