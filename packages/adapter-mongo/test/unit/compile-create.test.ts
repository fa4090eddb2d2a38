import { migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { MissingFeatureError, UUID_PATTERN } from '../../src/index.js';
import { FERRETDB_FEATURES, compile, settings } from '../support/compile-helpers.js';
import { SPEC_CREATE_COMMAND, specMongoExample } from '../support/spec-example.js';

describe('createCollection (golden)', () => {
  it('compiles the spec MongoDB example: validator merged with mongoOptions.validator, levels, no capping', () => {
    expect(compile(specMongoExample().up[0]!)).toEqual([{ kind: 'command', name: 'create', summary: 'create users', args: SPEC_CREATE_COMMAND }]);
  });

  it('maps every type of the spec table, nullability, primary key and unique fields to a validator and indexes', () => {
    const m = migration('products')
      .createCollection('products', {
        id: { type: 'uuid', primaryKey: true },
        name: { type: 'string', length: 255, required: true },
        sku: { type: 'string', unique: true, required: true },
        code: { type: 'integer', unique: true },
        price: { type: 'decimal', precision: 10, scale: 2 },
        stock: 'integer',
        small: 'smallint',
        big: 'bigint',
        ratio: 'float',
        weight: 'double',
        notes: 'text',
        is_active: { type: 'boolean', default: true },
        born: 'date',
        opens: 'time',
        seen: 'datetime',
        at: 'timestamp',
        metadata: 'json',
        status: { type: 'enum', enumValues: ['active', 'inactive'], required: true },
        tags: { type: 'array', itemType: 'string' },
        photo: 'binary',
        raw: 'blob',
      })
      .build();
    const [create, indexes] = compile(m.up[0]!);
    const schema = (create as unknown as { args: { validator: { $jsonSchema: Record<string, unknown> } } }).args.validator.$jsonSchema;
    expect(schema.required).toEqual(['id', 'name', 'sku', 'status']);
    expect(schema.properties).toEqual({
      id: { bsonType: 'string', pattern: UUID_PATTERN },
      name: { bsonType: 'string', maxLength: 255 },
      sku: { bsonType: 'string' },
      code: { bsonType: ['int', 'null'] },
      price: { bsonType: ['decimal', 'null'] },
      stock: { bsonType: ['int', 'null'] },
      small: { bsonType: ['int', 'null'], minimum: -32768, maximum: 32767 },
      big: { bsonType: ['int', 'long', 'null'] },
      ratio: { bsonType: ['double', 'int', 'long', 'null'] },
      weight: { bsonType: ['double', 'int', 'long', 'null'] },
      notes: { bsonType: ['string', 'null'] },
      is_active: { bsonType: ['bool', 'null'], description: 'default: true' },
      born: { bsonType: ['date', 'null'] },
      opens: { bsonType: ['string', 'null'], pattern: '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,6})?)?$' },
      seen: { bsonType: ['date', 'null'] },
      at: { bsonType: ['date', 'null'] },
      metadata: { bsonType: ['object', 'null'] },
      status: { bsonType: 'string', enum: ['active', 'inactive'] },
      tags: { bsonType: ['array', 'null'], items: { bsonType: 'string' } },
      photo: { bsonType: ['binData', 'null'] },
      raw: { bsonType: ['binData', 'null'] },
    });
    expect(indexes).toEqual({
      kind: 'command',
      name: 'createIndexes',
      summary: 'createIndexes products: products_pkey, products_sku_key, products_code_key',
      args: {
        createIndexes: 'products',
        indexes: [
          { key: { id: 1 }, name: 'products_pkey', unique: true },
          { key: { sku: 1 }, name: 'products_sku_key', unique: true },
          { key: { code: 1 }, name: 'products_code_key', unique: true, partialFilterExpression: { code: { $type: 'number' } } },
        ],
      },
    });
  });

  it('adds capped/size/max, restores indexes and unique constraints of a snapshot, refuses a foreign key', () => {
    const steps = compile({
      type: 'createCollection',
      name: 'events',
      fields: [],
      options: { mongoOptions: { capped: true, size: 4096, max: 100 } },
      indexes: [{ name: 'idx_at', fields: [{ name: 'at', order: 'DESC' }, { name: 'kind' }] }],
      constraints: [{ name: 'uq_kind', type: 'unique', columns: ['kind'] }],
    });
    expect(steps.map((s) => s.kind === 'command' && s.args)).toEqual([
      { create: 'events', capped: true, size: 4096, max: 100 },
      {
        createIndexes: 'events',
        indexes: [
          { key: { at: -1, kind: 1 }, name: 'idx_at' },
          { key: { kind: 1 }, name: 'uq_kind', unique: true },
        ],
      },
      { collection: 'events', add: [{ name: 'uq_kind', type: 'unique', columns: ['kind'] }] },
    ]);
    expect(() =>
      compile({ type: 'createCollection', name: 'posts', fields: [], constraints: [{ name: 'fk', type: 'foreignKey', columns: ['a'], references: { table: 'users', columns: ['id'] } }] }),
    ).toThrow(/foreignKey constraint/);
  });

  it('on a server without validators: refuses by default (typed, before IO); with onMissingFeature "warn" creates without it, records it in _ductape_schema and says so', () => {
    const op = migration('u')
      .createCollection('users', { email: { type: 'string', required: true, unique: true }, nick: { type: 'string', unique: true } })
      .build().up[0]!;
    const err = (() => {
      try {
        compile(op, settings({ features: FERRETDB_FEATURES }));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MissingFeatureError);
    expect(err).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect((err as Error).message).toMatch(/\$jsonSchema validators.*onMissingFeature: 'warn'/);
    const steps = compile(op, settings({ features: FERRETDB_FEATURES, onMissingFeature: 'warn' }));
    expect(steps).toEqual([
      {
        kind: 'command',
        name: 'create',
        args: { create: 'users' },
        summary: 'create users (validator not supported by the server)',
        warning: 'created users without its $jsonSchema validator (the server lacks validators); it is recorded in _ductape_schema and not enforced',
      },
      {
        kind: 'command',
        name: 'ductape.shadowValidator',
        args: { collection: 'users', validator: { $jsonSchema: { bsonType: 'object', required: ['email'], properties: { email: { bsonType: 'string' }, nick: { bsonType: ['string', 'null'] } } } } },
        summary: 'record the validator of users in _ductape_schema',
      },
      {
        kind: 'command',
        name: 'createIndexes',
        args: {
          createIndexes: 'users',
          indexes: [
            { key: { email: 1 }, name: 'users_email_key', unique: true },
            { key: { nick: 1 }, name: 'users_nick_key', unique: true },
          ],
        },
        summary: 'createIndexes users: users_email_key, users_nick_key',
        warning: '"users.nick" is unique without a partial filter (the server lacks partial indexes): at most one document may lack it',
      },
    ]);
  });

  it('an empty collection without options is a bare create; drop is drop, and forgets what _ductape_schema records', () => {
    expect(compile({ type: 'createCollection', name: 'logs', fields: [] })).toEqual([{ kind: 'command', name: 'create', args: { create: 'logs' }, summary: 'create logs' }]);
    expect(compile({ type: 'dropCollection', name: 'old_table', cascade: true })).toEqual([
      { kind: 'command', name: 'drop', args: { drop: 'old_table' }, summary: 'drop old_table' },
      { kind: 'command', name: 'ductape.shadowValidator', args: { collection: 'old_table', validator: null }, summary: 'forget what _ductape_schema records of old_table' },
    ]);
  });
});
