import { migration } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { lintMigrations } from '../../src/lint/lint.js';
import { expectedSchema } from '../../src/drift/expected-schema.js';

const rules = (m: ReturnType<ReturnType<typeof migration>['build']>) => lintMigrations([m]).map((f) => f.rule);

describe('lint rules', () => {
  it('flags drops, renames, narrowing, NOT NULL without default and blocking indexes on existing tables', () => {
    const m = migration('risky')
      .dropField('users', 'email', { previous: { name: 'email', type: 'string', length: 255 } })
      .renameField('users', 'name', 'full_name')
      .modifyField('users', 'bio', { length: 100 }, { previous: { name: 'bio', type: 'string', length: 500 } })
      .addField('users', 'age', { type: 'integer', required: true })
      .createIndex('users', 'idx_age', ['age'], { concurrently: false })
      .dropCollection('old', { previous: { name: 'old', fields: [{ name: 'id', type: 'integer' }] } })
      .build();
    expect(rules(m)).toEqual(['drop-field', 'rename-field', 'type-narrowing', 'not-null-without-default', 'index-not-concurrent', 'drop-collection']);
  });

  it('says nothing about a table the same migration creates, or about widening', () => {
    const m = migration('safe')
      .createCollection('t', { id: { type: 'integer', primaryKey: true } })
      .addField('t', 'n', { type: 'integer', required: true })
      .createIndex('t', 'idx_n', ['n'], { concurrently: false })
      .modifyField('t', 'n', { type: 'bigint' }, { previous: { name: 'n', type: 'integer' } })
      .build();
    expect(rules(m)).toEqual([]);
  });

  it('flags raw CREATE INDEX without CONCURRENTLY, and a type change without a previous definition as a warning', () => {
    const m = migration('raw_ix').raw('postgresql', 'CREATE INDEX ix ON users (email)', { down: 'DROP INDEX ix' }).modifyField('users', 'email', { type: 'text' }).build();
    const found = lintMigrations([m]);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([
      ['index-not-concurrent', 'error'],
      ['type-narrowing', 'warning'],
      // The modifyField needs the live schema after a raw op: up refuses it (unresolvable_after_raw).
      ['irreversible', 'error'],
    ]);
  });

  it('flags renameCollection, and drift follows the rename', () => {
    const m = migration('rn_table').renameCollection('people', 'users').build();
    const findings = lintMigrations([m]);
    expect(findings.map((f) => [f.rule, f.collection])).toEqual([['rename-collection', 'people']]);
    const create = migration('create_people')
      .createCollection('people', { id: { type: 'uuid', primaryKey: true } })
      .build();
    const row = (mig: typeof m) => ({
      name: mig.name,
      tag: mig.tag,
      checksum: '',
      status: 'applied' as const,
      direction: 'up' as const,
      appliedAt: new Date(),
      startedAt: new Date(),
      executionMs: 0,
      stepsApplied: 1,
      stepsTotal: 1,
      error: null,
      appliedBy: 't',
      migration: mig,
    });
    const expected = expectedSchema([row(create), row(m)]);
    expect(expected.collections.get('people')).toEqual({ dropped: true });
    expect([...(expected.collections.get('users') as { fields: Map<string, unknown> }).fields.keys()]).toEqual(['id']);
  });

  it('skips ignored rules', () => {
    const m = migration('rn').renameField('users', 'a', 'b').build();
    expect(lintMigrations([m], ['rename-field'])).toEqual([]);
  });
});
