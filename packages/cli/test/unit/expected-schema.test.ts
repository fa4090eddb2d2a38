import { type HistoryEntry, type Migration, migration } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { expectedSchema } from '../../src/drift/expected-schema.js';

const row = (m: Migration, status: HistoryEntry['status'] = 'applied', direction: HistoryEntry['direction'] = 'up'): HistoryEntry => ({
  name: m.name,
  tag: m.tag,
  checksum: '',
  status,
  direction,
  appliedAt: new Date(),
  startedAt: new Date(),
  executionMs: 0,
  stepsApplied: 1,
  stepsTotal: 1,
  error: null,
  appliedBy: 't',
  migration: m,
});

const fieldsOf = (schema: ReturnType<typeof expectedSchema>, name: string) => {
  const c = schema.collections.get(name);
  return c && !c.dropped ? Object.fromEntries(c.fields) : c;
};

describe('drift: the expected schema replayed from history', () => {
  it('follows every operation type: fields of creates, adds, drops, renames and modifies; indexes and constraints left out; raw noted once per migration', () => {
    const create = migration('create')
      .createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', length: 255 }, bio: { type: 'string', length: 100 } })
      .createCollection('old', { id: { type: 'integer', primaryKey: true } })
      .createCollection('people', { id: { type: 'integer', primaryKey: true }, nick: { type: 'string' } })
      .build();
    const change = migration('change')
      .addField('users', 'age', { type: 'integer' })
      .dropField('users', 'bio', { previous: { name: 'bio', type: 'string', length: 100 } })
      .renameField('users', 'email', 'mail')
      .modifyField('users', 'mail', { length: 500 }, { previous: { name: 'mail', type: 'string', length: 255 } })
      .modifyField('ghosts', 'x', { length: 9 }, { previous: { name: 'x', type: 'string', length: 3 } })
      .addField('unseen', 'n', { type: 'integer' })
      .createIndex('users', 'idx_age', ['age'])
      .dropIndex('users', 'idx_age', { previous: { name: 'idx_age', fields: [{ name: 'age' }] } })
      .addConstraint('users', { name: 'users_age_check', type: 'check', expression: 'age > 0' })
      .dropConstraint('users', 'users_age_check', { previous: { name: 'users_age_check', type: 'check', expression: 'age > 0' } })
      .dropCollection('old', { previous: { name: 'old', fields: [{ name: 'id', type: 'integer' }] } })
      .renameCollection('people', 'members')
      .renameCollection('nobody', 'someone')
      .raw('postgresql', 'SELECT 1', { down: 'SELECT 1' })
      .raw('postgresql', 'SELECT 2', { down: 'SELECT 2' })
      .build();
    const ignored = migration('ignored').addField('users', 'never', { type: 'integer' }).build();
    const schema = expectedSchema([row(create), row(change), row(ignored, 'failed'), row(ignored, 'applied', 'down')]);
    expect(fieldsOf(schema, 'users')).toEqual({
      id: { name: 'id', type: 'integer', primaryKey: true },
      mail: { name: 'mail', type: 'string', length: 500 },
      age: { name: 'age', type: 'integer' },
    });
    expect(fieldsOf(schema, 'ghosts')).toEqual({ x: { name: 'x', type: 'string', length: 9 } });
    expect(fieldsOf(schema, 'unseen')).toEqual({ n: { name: 'n', type: 'integer' } });
    expect(fieldsOf(schema, 'old')).toEqual({ dropped: true });
    expect(fieldsOf(schema, 'people')).toEqual({ dropped: true });
    expect(fieldsOf(schema, 'members')).toEqual({ id: { name: 'id', type: 'integer', primaryKey: true }, nick: { name: 'nick', type: 'string' } });
    expect(fieldsOf(schema, 'nobody')).toEqual({ dropped: true });
    expect(fieldsOf(schema, 'someone')).toEqual({});
    expect([...schema.collections.keys()].sort()).toEqual(['ghosts', 'members', 'nobody', 'old', 'people', 'someone', 'unseen', 'users']);
    expect(schema.rawIn).toEqual([change.tag]);
  });
});
