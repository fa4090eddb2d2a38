import { migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { MissingFeatureError } from '../../src/index.js';
import { FERRETDB_FEATURES, compile, settings } from '../support/compile-helpers.js';

describe('indexes, constraints and raw (golden)', () => {
  it('createIndex: unique, compound with order, partial, TTL, hashed; dropIndex', () => {
    const m = migration('idx')
      .createIndex('users', 'idx_users_email', [{ name: 'email' }], { unique: true })
      .createIndex('orders', 'idx_orders_customer_at', [{ name: 'customer_id' }, { name: 'at', order: 'DESC' }])
      .createIndex('orders', 'idx_open', ['status'], { where: { status: { $eq: 'open' } } })
      .createIndex('sessions', 'ttl_sessions', ['expires_at'], { expireAfterSeconds: 3600 })
      .createIndex('users', 'h_email', ['email'], { using: 'hashed' })
      .build();
    expect(m.up.map((op) => compile(op)[0])).toEqual([
      {
        kind: 'command',
        name: 'createIndexes',
        args: { createIndexes: 'users', indexes: [{ key: { email: 1 }, name: 'idx_users_email', unique: true }] },
        summary: 'createIndexes users: idx_users_email',
        mustCreate: true,
      },
      {
        kind: 'command',
        name: 'createIndexes',
        args: { createIndexes: 'orders', indexes: [{ key: { customer_id: 1, at: -1 }, name: 'idx_orders_customer_at' }] },
        summary: 'createIndexes orders: idx_orders_customer_at',
        mustCreate: true,
      },
      {
        kind: 'command',
        name: 'createIndexes',
        args: { createIndexes: 'orders', indexes: [{ key: { status: 1 }, name: 'idx_open', partialFilterExpression: { status: { $eq: 'open' } } }] },
        summary: 'createIndexes orders: idx_open',
        mustCreate: true,
      },
      {
        kind: 'command',
        name: 'createIndexes',
        args: { createIndexes: 'sessions', indexes: [{ key: { expires_at: 1 }, name: 'ttl_sessions', expireAfterSeconds: 3600 }] },
        summary: 'createIndexes sessions: ttl_sessions',
        mustCreate: true,
      },
      { kind: 'command', name: 'createIndexes', args: { createIndexes: 'users', indexes: [{ key: { email: 'hashed' }, name: 'h_email' }] }, summary: 'createIndexes users: h_email', mustCreate: true },
    ]);
    expect(m.down.map((op) => compile(op)[0])).toContainEqual({
      kind: 'command',
      name: 'dropIndexes',
      args: { dropIndexes: 'users', index: 'idx_users_email' },
      summary: 'dropIndexes users: idx_users_email',
    });
  });

  it('refuses an SQL partial predicate, an unknown index type, a compound TTL; TTL and partial on a server without them', () => {
    expect(() => compile({ type: 'createIndex', collection: 'u', name: 'p', fields: [{ name: 'a' }], where: 'a > 1' })).toThrow(/filter document/);
    expect(() => compile({ type: 'createIndex', collection: 'u', name: 'g', fields: [{ name: 'a' }], using: 'gin' })).toThrow(/index types/);
    expect(() => compile({ type: 'createIndex', collection: 'u', name: 't', fields: [{ name: 'a' }, { name: 'b' }], expireAfterSeconds: 5 })).toThrow(/exactly one field/);
    const ferret = settings({ features: FERRETDB_FEATURES, onMissingFeature: 'warn' });
    expect(() => compile({ type: 'createIndex', collection: 'u', name: 't', fields: [{ name: 'a' }], expireAfterSeconds: 5 }, ferret)).toThrow(MissingFeatureError);
    expect(() => compile({ type: 'createIndex', collection: 'u', name: 'p', fields: [{ name: 'a' }], where: { a: { $exists: true } } }, ferret)).toThrow(/partial indexes/);
  });

  it('unique constraints are unique indexes recorded as constraints; foreign keys and checks are refused', () => {
    const m = migration('k')
      .addConstraint('users', { name: 'uq_users_email', type: 'unique', columns: ['email'] })
      .build();
    expect(compile(m.up[0]!)).toEqual([
      {
        kind: 'command',
        name: 'createIndexes',
        args: { createIndexes: 'users', indexes: [{ key: { email: 1 }, name: 'uq_users_email', unique: true }] },
        summary: 'createIndexes users: uq_users_email (unique)',
        mustCreate: true,
        effects: [{ kind: 'index', collection: 'users', name: 'uq_users_email', exists: true }],
      },
      {
        kind: 'command',
        name: 'ductape.recordConstraints',
        args: { collection: 'users', add: [{ name: 'uq_users_email', type: 'unique', columns: ['email'] }] },
        summary: 'record constraints of users in _ductape_schema: + uq_users_email',
      },
    ]);
    expect(compile(m.down[0]!)).toEqual([
      { kind: 'command', name: 'dropIndexes', args: { dropIndexes: 'users', index: 'uq_users_email' }, summary: 'dropIndexes users: uq_users_email' },
      { kind: 'command', name: 'ductape.recordConstraints', args: { collection: 'users', remove: ['uq_users_email'] }, summary: 'record constraints of users in _ductape_schema: - uq_users_email' },
    ]);
    expect(() => compile({ type: 'addConstraint', collection: 'posts', constraint: { name: 'fk', type: 'foreignKey', columns: ['a'], references: { table: 'u', columns: ['id'] } } })).toThrow(
      /no foreign keys/,
    );
    expect(() => compile({ type: 'addConstraint', collection: 'posts', constraint: { name: 'ck', type: 'check', expression: 'a > 0' } })).toThrow(/check constraint/);
  });

  it('raw("mongodb", command) sends the command document; other dialects and SQL text are refused', () => {
    const m = migration('shard')
      .raw('mongodb', { collMod: 'users', validationLevel: 'moderate' }, { down: { command: { collMod: 'users', validationLevel: 'strict' } } })
      .build();
    expect(compile(m.up[0]!)).toEqual([{ kind: 'command', name: 'collMod', args: { collMod: 'users', validationLevel: 'moderate' }, summary: 'raw mongodb: collMod' }]);
    expect(compile(m.down[0]!)).toEqual([{ kind: 'command', name: 'collMod', args: { collMod: 'users', validationLevel: 'strict' }, summary: 'raw mongodb: collMod' }]);
    expect(() => compile({ type: 'raw', dialect: 'postgresql', sql: 'SELECT 1' })).toThrow(/raw "postgresql"/);
    expect(() => compile({ type: 'raw', dialect: 'mongodb', sql: 'db.x.drop()' })).toThrow(/command document/);
    expect(compile({ type: 'raw', dialect: 'mongodb', sql: '{"drop":"x"}' })[0]).toMatchObject({ name: 'drop', args: { drop: 'x' } });
  });

  it('is deterministic: compiling twice gives equal steps', () => {
    const op = migration('d')
      .createCollection('a', { id: { type: 'uuid', primaryKey: true }, e: { type: 'string', unique: true } })
      .build().up[0]!;
    expect(compile(op)).toEqual(compile(op));
  });
});

describe('names and options MongoDB cannot take are refused at compile time', () => {
  it('refuses $ and system. collections, $-prefixed and dotted fields, capped without size', () => {
    expect(() => compile({ type: 'createCollection', name: 'system.users', fields: [] })).toThrow(/reserved by MongoDB/);
    expect(() => compile({ type: 'createCollection', name: 'a$b', fields: [] })).toThrow(/must not contain "\$"/);
    expect(() => compile({ type: 'addField', collection: 'users', field: { name: 'a.b', type: 'string' } })).toThrow(/path into a sub-document/);
    expect(() => compile({ type: 'renameField', collection: 'users', from: 'a', to: '$b' })).toThrow(/operator/);
    expect(() => compile({ type: 'createCollection', name: 'logs', fields: [], options: { mongoOptions: { capped: true } } })).toThrow(/capped collection needs its size/);
    expect(() => compile({ type: 'createIndex', collection: 'users', name: 'idx "odd" ✓', fields: [{ name: 'from "x"' }] })).not.toThrow();
  });
});
