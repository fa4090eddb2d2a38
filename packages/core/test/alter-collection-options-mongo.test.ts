import { describe, expect, it } from 'vitest';
import { MigrationEngine, inverseOf, migration, validationIssues } from '../src/index.js';
import { resolveMigration } from '../src/engine/resolve.js';
import { MemoryAdapter } from '../src/testing.js';

// alterCollectionOptions' mongoOptions block (issue 25): a collection's validator, validationLevel
// and validationAction change together; previous is all three as the collection had them.

const validator = { $jsonSchema: { bsonType: 'object', required: ['email'], properties: { email: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 0 } } } };

async function withUsers(options?: Record<string, unknown>): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter();
  await new MigrationEngine(adapter).up(
    migration('create_users')
      .createCollection('users', { email: { type: 'string', required: true } }, options)
      .build(),
  );
  return adapter;
}

describe('alterCollectionOptions mongoOptions', () => {
  it('is built without previous and needs one (the engine reads it)', () => {
    const m = migration('validate')
      .alterCollectionOptions('users', { mongoOptions: { validator, validationLevel: 'moderate' } })
      .build();
    expect(m.up).toEqual([{ type: 'alterCollectionOptions', collection: 'users', options: { mongoOptions: { validator, validationLevel: 'moderate' } } }]);
    expect(m.irreversible).toMatch(/no previous settings/);
  });

  it('resolves previous from the live collection: its fields generate the validator, levels at their defaults', async () => {
    const resolved = await resolveMigration(await withUsers(), migration('validate').alterCollectionOptions('users', { mongoOptions: { validator } }).build());
    const previous = { mongoOptions: { validatorFields: [{ name: 'email', type: 'string', required: true }], validationLevel: 'strict', validationAction: 'error' } };
    expect(resolved.up[0]).toMatchObject({ previous });
    expect(resolved.down).toEqual([{ type: 'alterCollectionOptions', collection: 'users', options: previous, previous: { mongoOptions: { validator } } }]);
  });

  it('resolves an explicit validator and non-default levels as they are', async () => {
    const own = { $jsonSchema: { bsonType: 'object', additionalProperties: false, properties: { email: { bsonType: 'string' } } } };
    const adapter = await withUsers({ mongoOptions: { validator: own, validationLevel: 'moderate', validationAction: 'warn' } });
    const resolved = await resolveMigration(
      adapter,
      migration('off')
        .alterCollectionOptions('users', { mongoOptions: { validationLevel: 'off' } })
        .build(),
    );
    expect(resolved.up[0]).toMatchObject({ previous: { mongoOptions: { validator: own, validationLevel: 'moderate', validationAction: 'warn' } } });
  });

  it('a later op of the same migration resolves against the changed settings', async () => {
    const resolved = await resolveMigration(
      await withUsers(),
      migration('twice')
        .alterCollectionOptions('users', { mongoOptions: { validator, validationAction: 'warn' } })
        .alterCollectionOptions('users', { mongoOptions: { validationLevel: 'moderate' } })
        .build(),
    );
    expect((resolved.up[1] as { previous?: unknown }).previous).toEqual({ mongoOptions: { validator, validationLevel: 'strict', validationAction: 'warn' } });
  });

  it('validates the block, its levels and the validator document', () => {
    const op = (mongoOptions: unknown) => ({ name: 'm', tag: '20240101_000000_m', up: [{ type: 'alterCollectionOptions', collection: 'users', options: { mongoOptions } }], down: [] });
    const codes = (mongoOptions: unknown) => validationIssues(op(mongoOptions) as never).map((i) => `${i.code} ${i.path}`);
    expect(codes({})).toEqual(['empty_change up[0].options.mongoOptions']);
    expect(codes({ validationLevel: 'loose', validationAction: 'ignore' })).toEqual([
      'invalid_option up[0].options.mongoOptions.validationLevel',
      'invalid_option up[0].options.mongoOptions.validationAction',
    ]);
    expect(codes({ validator: {} })).toEqual(['invalid_option up[0].options.mongoOptions.validator']);
    expect(codes({ capped: true })).toEqual(['unknown_option up[0].options.mongoOptions.capped']);
    expect(codes({ validator: null })).toEqual([]);
  });

  it('its inverse swaps options and previous', () => {
    const previous = { mongoOptions: { validator: null, validationLevel: 'strict' as const, validationAction: 'error' as const } };
    const inv = inverseOf({ type: 'alterCollectionOptions', collection: 'users', options: { mongoOptions: { validator } }, previous });
    expect(inv).toEqual({ ok: true, op: { type: 'alterCollectionOptions', collection: 'users', options: previous, previous: { mongoOptions: { validator } } } });
  });

  it('is refused before IO by an adapter that does not list mongoOptions', async () => {
    const adapter = await withUsers();
    const error = await new MigrationEngine(adapter).up(migration('validate').alterCollectionOptions('users', { mongoOptions: { validator } }).build()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect((error as Error).message).toMatch(/mongoOptions/);
  });
});

describe('index collation (MongoDB)', () => {
  it('is refused before IO by an adapter without indexCollation', async () => {
    const adapter = await withUsers();
    const m = migration('ci')
      .createIndex('users', 'users_email_ci', ['email'], { collation: { locale: 'en', strength: 2 } })
      .build();
    const error = await new MigrationEngine(adapter).up(m).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect((error as Error).message).toMatch(/indexCollation/);
  });
});
