import { describe, expect, it } from 'vitest';
import { MigrationEngine, migration } from '@ductape/core';
import { CassandraAdapter } from '../../src/index.js';
import { specEventsMigration } from '../support/spec-events.js';

// The adapter is never connected: plan and refusals happen before any IO.
const adapter = new CassandraAdapter({ contactPoints: ['127.0.0.1:1'], localDataCenter: 'dc', keyspace: 'app' });
const engine = new MigrationEngine(adapter);

describe('plans and refusals without a server', () => {
  it('plans the spec example up and down', () => {
    const m = specEventsMigration();
    expect(engine.plan(m).steps.map((s) => s.summary)).toEqual(['create table events']);
    expect(engine.plan(m, 'down').steps).toMatchObject([{ kind: 'statement', text: 'DROP TABLE "app"."events"' }]);
  });

  it('refuses constraints from the capabilities, and Cassandra-impossible ops from compile, before IO', async () => {
    const fk = migration('fk')
      .addConstraint('orders', { name: 'fk', type: 'foreignKey', columns: ['user_id'], references: { table: 'users', columns: ['id'] } })
      .build();
    await expect(engine.up(fk)).rejects.toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    const widen = migration('widen')
      .modifyField('users', 'n', { type: 'bigint' }, { previous: { name: 'n', type: 'integer' } })
      .build();
    await expect(engine.up(widen)).rejects.toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(() => engine.plan(migration('nokey').createCollection('logs', { line: 'text' }).build())).toThrow(/needs a primary key/);
  });
});
