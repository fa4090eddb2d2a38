import { MigrationEngine, canonicalJson, migration } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MongoAdapter, readShadow, writeShadow } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// Issue 16 on MongoDB (FerretDB, policy 'warn': the validator lives in _ductape_schema):
// renameCollection, defect 3 (createIndex/addConstraint never adopt an index of the same name),
// defect 8 (a validator read back recreates the same validator document; native bsonTypes).
describe.skipIf(!mongoUrl)('MongoDB: renameCollection, no adopted indexes, validators round-trip (FerretDB)', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_issue16');
  let adapter: MongoAdapter;
  let engine: MigrationEngine;

  beforeAll(async () => {
    ({ adapter } = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() }));
    await adapter.connect();
    engine = new MigrationEngine(adapter);
  });
  afterAll(async () => {
    await adapter.close();
    await dropDatabases(url, [database]);
  });

  it('renameCollection renames in place (documents, indexes, validator, constraints follow) and its down renames back', async () => {
    await engine.up(
      migration('create_users')
        .createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', required: true, unique: true }, owner: { type: 'native', native: 'objectId' } })
        .addConstraint('users', { name: 'uq_users_id_email', type: 'unique', columns: ['id', 'email'] })
        .build(),
    );
    await adapter.driver.db.collection('users').insertOne({ id: 1, email: 'a@x' });
    const before = await adapter.introspect('users');
    expect(adapter.capabilities.renameCollection).toBe(true);
    const m = migration('rename_users').renameCollection('users', 'people').build();
    await engine.up(m);
    expect(await adapter.introspect('users')).toBeUndefined();
    const after = await adapter.introspect('people');
    expect(after).toEqual({ ...before, name: 'people' });
    expect(after?.fields.find((f) => f.name === 'owner')).toEqual({ name: 'owner', type: 'native', native: 'objectId' });
    expect((await adapter.driver.db.collection('people').listIndexes().toArray()).map((i) => i.name).sort()).toEqual(['_id_', 'people_email_key', 'people_pkey', 'uq_users_id_email']);
    expect(await adapter.driver.db.collection('people').findOne({ id: 1 }, { projection: { _id: 0 } })).toEqual({ id: 1, email: 'a@x' });
    expect(await readShadow(adapter.driver.db, 'users')).toBeUndefined();
    await engine.down(m);
    expect(await adapter.introspect('people')).toBeUndefined();
    expect(await adapter.introspect('users')).toEqual(before);
  });

  it('renameCollection onto an existing collection fails and changes neither (dropTarget false)', async () => {
    await engine.up(migration('create_a_b').createCollection('coll_a', { n: 'integer' }).createCollection('coll_b', { m: 'integer' }).build());
    await adapter.driver.db.collection('coll_b').insertOne({ m: 7 });
    const [a, b] = [await adapter.introspect('coll_a'), await adapter.introspect('coll_b')];
    // Core's resolution reads both collections first and refuses before any IO (the step itself refuses too).
    await expect(engine.up(migration('rename_onto').renameCollection('coll_a', 'coll_b').build())).rejects.toMatchObject({
      code: 'DUCTAPE_VALIDATION',
      message: expect.stringContaining('"coll_b" already exists'),
    });
    expect([await adapter.introspect('coll_a'), await adapter.introspect('coll_b')]).toEqual([a, b]);
    expect(await adapter.driver.db.collection('coll_b').countDocuments()).toBe(1);
  });

  it('defect 3: createIndex and addConstraint fail on an index of the same name instead of adopting it (its down would drop it)', async () => {
    await engine.up(migration('create_orders').createCollection('orders', { n: 'integer', code: 'string' }).build());
    await adapter.driver.db.collection('orders').createIndex({ n: 1 }, { name: 'idx_orders_n' });
    await adapter.driver.db.collection('orders').createIndex({ code: 1 }, { name: 'uq_orders_code', unique: true });
    const create = migration('orders_idx').createIndex('orders', 'idx_orders_n', ['n']).build();
    await expect(engine.up(create)).rejects.toThrow(/already has an index named "idx_orders_n"/);
    const constraint = migration('orders_uq')
      .addConstraint('orders', { name: 'uq_orders_code', type: 'unique', columns: ['code'] })
      .build();
    await expect(engine.up(constraint)).rejects.toThrow(/already has an index named "uq_orders_code"/);
    const history = await engine.getHistory();
    for (const name of ['orders_idx', 'orders_uq']) expect(history.find((h) => h.name === name)?.status).not.toBe('applied');
    expect((await adapter.driver.db.collection('orders').listIndexes().toArray()).map((i) => i.name).sort()).toEqual(['_id_', 'idx_orders_n', 'uq_orders_code']);
  });

  const validators: Record<string, { [key: string]: unknown }> = {
    bsonTypes: {
      $jsonSchema: {
        bsonType: 'object',
        required: ['owner', 'n'],
        properties: {
          owner: { bsonType: 'objectId' },
          n: { bsonType: 'long' },
          amount: { bsonType: 'decimal' },
          score: { bsonType: 'double' },
          at: { bsonType: 'timestamp' },
          re: { bsonType: ['regex', 'null'] },
          tags: { bsonType: 'array', items: { bsonType: 'objectId' } },
          either: { bsonType: ['string', 'int'] },
          anything: { enum: ['a', 1] },
          typed: { type: 'string', maxLength: 3 },
        },
      },
    },
    noTopLevelType: { $jsonSchema: { required: ['a'], properties: { a: { bsonType: 'string', maxLength: 5 } }, additionalProperties: false } },
    emptyRequired: { $jsonSchema: { bsonType: 'object', required: [], properties: { a: { bsonType: 'int' } } } },
    queryAndSchema: { $jsonSchema: { properties: { b: { bsonType: 'int' } } }, $expr: { $gt: ['$b', 0] } },
  };

  it('defect 8: a validator read back recreates the same validator document (drop with the introspected snapshot, then down)', async () => {
    for (const [name, validator] of Object.entries(validators)) {
      const coll = `v_${name}`;
      // A collection made outside Ductape with this validator (FerretDB keeps it in _ductape_schema).
      await adapter.driver.db.createCollection(coll);
      await writeShadow(adapter.driver.db, coll, { validator });
      const snapshot = await adapter.introspect(coll);
      const drop = migration(`drop_${coll}`).dropCollection(coll, { previous: snapshot }).build();
      await engine.up(drop);
      await engine.down(drop);
      expect(canonicalJson((await readShadow(adapter.driver.db, coll))?.validator), `${name} recreated`).toBe(canonicalJson(validator));
      expect(await adapter.introspect(coll)).toEqual(snapshot);
    }
  });
});
