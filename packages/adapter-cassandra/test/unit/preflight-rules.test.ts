import { describe, expect, it } from 'vitest';
import { ValidationError, migration, type Step } from '@ductape/core';
import { compileCassandra } from '../../src/index.js';
import { emptyTable, type LiveTable } from '../../src/preflight/live-schema.js';
import { replayEffects } from '../../src/preflight/replay.js';
import { droppedTypeConflict } from '../../src/preflight/type-compat.js';

function steps(m: ReturnType<ReturnType<typeof migration>['build']>): Step[] {
  return m.up.flatMap((op, index) => compileCassandra(op, { migration: m, direction: 'up', index, options: {} }, { keyspace: 'app' }));
}

function live(partial: Partial<LiveTable>): Map<string, LiveTable> {
  return new Map([
    [
      'events',
      {
        ...emptyTable(true),
        columns: new Map([
          ['id', 'int'],
          ['amount', 'int'],
        ]),
        ...partial,
      },
    ],
  ]);
}

describe('finding 27: a second index on one column', () => {
  it('is refused at compile when an index of the same migration covers the column (no IO)', () => {
    const m = migration('two')
      .createIndex('events', 'events_ix', [{ name: 'amount' }])
      .createIndex('events', 'events_ix_912', [{ name: 'amount' }])
      .build();
    expect(() => steps(m)).toThrow(ValidationError);
    expect(() => steps(m)).toThrow(/up\[1\]: createIndex "events_ix_912" on "events" \("amount"\): the storage-attached index "events_ix" \(made earlier in this migration\)/);
  });

  it('is allowed after the first is dropped, or on another column', () => {
    const m = migration('swap')
      .createIndex('events', 'events_ix', [{ name: 'amount' }])
      .dropIndex('events', 'events_ix')
      .createIndex('events', 'events_ix_912', [{ name: 'amount' }])
      .createIndex('events', 'events_id_ix', [{ name: 'id' }])
      .build();
    expect(steps(m)).toHaveLength(4);
  });

  it('preflight replay: refused against a live SAI index on the column (values() of a list too), not against keys() of a map or a legacy index', () => {
    const m = migration('later')
      .addField('events', { name: 'tag', type: 'text' })
      .createIndex('events', 'events_ix_912', [{ name: 'amount' }])
      .build();
    expect(replayEffects(steps(m), live({ indexes: [{ name: 'events_ix', column: 'amount', sai: true }] }))).toMatchObject([{ code: 'duplicate_index', path: 'up[1]' }]);
    expect(replayEffects(steps(m), live({ indexes: [{ name: 'events_ix', column: 'amount', fn: 'values', sai: true }] }))).toHaveLength(1);
    expect(replayEffects(steps(m), live({ indexes: [{ name: 'events_ix', column: 'amount', fn: 'keys', sai: true }] }))).toEqual([]);
    expect(replayEffects(steps(m), live({ indexes: [{ name: 'events_ix', column: 'amount', sai: false }] }))).toEqual([]);
  });
});

describe('finding 28: a column added back under a dropped name', () => {
  it('the rule Cassandra 5.0.9 applies (verified on the server for 2304 type pairs)', () => {
    expect(droppedTypeConflict('double', 'boolean')).toBe(true);
    expect(droppedTypeConflict('bigint', 'int')).toBe(true);
    expect(droppedTypeConflict('boolean', 'boolean')).toBe(false);
    expect(droppedTypeConflict('text', 'ascii')).toBe(false);
    expect(droppedTypeConflict('varchar', 'text')).toBe(false);
    expect(droppedTypeConflict('timestamp', 'bigint')).toBe(false);
    expect(droppedTypeConflict('blob', 'text')).toBe(false);
    expect(droppedTypeConflict('blob', 'int')).toBe(true);
    expect(droppedTypeConflict('list<blob>', 'list<varint>')).toBe(false);
    expect(droppedTypeConflict('set<blob>', 'set<varint>')).toBe(true);
    expect(droppedTypeConflict('map<text, int>', 'map<ascii, int>')).toBe(false);
    expect(droppedTypeConflict('list<int>', 'int')).toBe(true);
    // Not verified (tuples, frozen, UDTs): left to the server.
    expect(droppedTypeConflict('tuple<varint, text>', 'frozen<tuple<int, text>>')).toBe(false);
  });

  it('preflight replay: refused against system_schema.dropped_columns and against a drop earlier in the migration; a compatible type passes', () => {
    const add = (type: 'double' | 'boolean') => migration('again').addField('events', { name: 'order', type }).build();
    expect(replayEffects(steps(add('double')), live({ dropped: new Map([['order', 'boolean']]) }))).toMatchObject([{ code: 'dropped_column_type', path: 'up[0]' }]);
    expect(replayEffects(steps(add('boolean')), live({ dropped: new Map([['order', 'boolean']]) }))).toEqual([]);
    const inOne = migration('in_one').dropField('events', 'amount').addField('events', { name: 'amount', type: 'bigint' }).build();
    expect(replayEffects(steps(inOne), live({}))).toMatchObject([{ code: 'dropped_column_type', path: 'up[1]' }]);
  });

  it('preflight replay stops at raw CQL, whose effect is not modelled', () => {
    const m = migration('raw_first').raw('cassandra', 'ALTER TABLE app.events DROP x').addField('events', { name: 'order', type: 'double' }).build();
    expect(replayEffects(steps(m), live({ dropped: new Map([['order', 'boolean']]) }))).toEqual([]);
  });
});
