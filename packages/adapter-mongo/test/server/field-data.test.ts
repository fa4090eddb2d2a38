import { MigrationEngine, migration } from '@ductape/core';
import { BSON } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, sent, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// Everything here runs for real on FerretDB: documents are rewritten, indexes moved; the
// validator side is recorded in _ductape_schema (policy 'warn').
describe.skipIf(!mongoUrl)('field operations rewrite documents (FerretDB)', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_data');
  const log = new CapturedLog();
  let adapter: MongoAdapter;
  let commands: ReturnType<typeof monitoredAdapter>['commands'];
  let engine: MigrationEngine;
  const users = () => adapter.driver.db.collection<Record<string, unknown>>('users');

  beforeAll(async () => {
    ({ adapter, commands } = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: log, batchSize: 7 }));
    await adapter.connect();
    engine = new MigrationEngine(adapter);
    await engine.up(
      migration('create_users')
        .createCollection('users', { id: { type: 'integer', primaryKey: true }, name: { type: 'string', length: 100, unique: true, required: true }, age: 'integer' })
        .createIndex('users', 'idx_users_name_age', ['name', { name: 'age', order: 'DESC' }])
        .build(),
    );
    await users().insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i as never, id: i, name: `user ${i}`, age: 20 + i })));
  });
  afterAll(async () => {
    await adapter.close();
    await dropDatabases(url, [database]);
  });

  it('addField backfills its default into existing documents; its down removes it again', async () => {
    const m = migration('add_active').addField('users', 'active', { type: 'boolean', default: true, required: true }).build();
    await engine.up(m);
    expect(await users().countDocuments({ active: true })).toBe(30);
    expect((await adapter.introspect('users'))?.fields.find((f) => f.name === 'active')).toEqual({ name: 'active', type: 'boolean', required: true, default: true });
    await engine.down(m);
    expect(await users().countDocuments({ active: { $exists: true } })).toBe(0);
  });

  it('renameField renames every document in batches and moves the unique and compound indexes', async () => {
    const m = migration('rename_name').renameField('users', 'name', 'full_name').build();
    const before = commands.length;
    await engine.up(m);
    expect(await users().countDocuments({ full_name: { $exists: true } })).toBe(30);
    expect(await users().countDocuments({ name: { $exists: true } })).toBe(0);
    const updates = sent(commands.slice(before), 'update').filter((c) => c.update === 'users');
    expect(updates).toHaveLength(5); // 30 documents in batches of 7
    expect(updates[0]).toMatchObject({ updates: [{ u: { $rename: { name: 'full_name' } }, multi: true }] });
    const indexes = await users().listIndexes().toArray();
    expect(indexes.map((i) => [i.name, i.key, i.unique ?? false]).sort()).toEqual([
      ['_id_', { _id: 1 }, false],
      ['idx_users_name_age', { full_name: 1, age: -1 }, false],
      ['users_full_name_key', { full_name: 1 }, true],
      ['users_pkey', { id: 1 }, true],
    ]);
    const s = await adapter.introspect('users');
    expect(s?.fields.find((f) => f.name === 'full_name')).toEqual({ name: 'full_name', type: 'string', length: 100, unique: true, required: true });
    await expect(users().insertOne({ _id: 99 as never, id: 99, full_name: 'user 3' })).rejects.toThrow(/duplicate key/);
    await engine.down(m);
    expect(await users().countDocuments({ name: { $exists: true } })).toBe(30);
    expect((await users().listIndexes().toArray()).map((i) => i.name)).toContain('users_name_key');
  });

  it('dropField unsets the values; its down restores the definition (not the values) and says so', async () => {
    const snapshot = await adapter.introspect('users');
    const previous = snapshot?.fields.find((f) => f.name === 'age');
    const m = migration('drop_age').dropField('users', 'age', { previous }).build();
    await engine.up(m);
    expect(await users().countDocuments({ age: { $exists: true } })).toBe(0);
    expect((await adapter.introspect('users'))?.fields.map((f) => f.name)).not.toContain('age');
    const plan = engine.plan(m, 'down').steps;
    expect(plan[0]).toMatchObject({ kind: 'noop', summary: 'values of users.age not restored (unless backed up)' });
    await engine.down(m);
    expect((await adapter.introspect('users'))?.fields.find((f) => f.name === 'age')).toEqual(previous);
    expect(await users().countDocuments({ age: { $exists: true } })).toBe(0);
  });

  it('with backupDroppedFields the values are copied aside, and rolling the drop back restores them', async () => {
    for (let i = 0; i < 30; i++) await users().updateOne({ _id: i as never }, { $set: { age: 50 + i } });
    const previous = (await adapter.introspect('users'))?.fields.find((f) => f.name === 'age');
    const m = migration('drop_age_backed_up').dropField('users', 'age', { previous }).build();
    const backed = new MigrationEngine(adapter, { compileOptions: { backupDroppedFields: true } });
    await backed.up(m);
    expect(await users().countDocuments({ age: { $exists: true } })).toBe(0);
    expect(await adapter.driver.db.collection('_ductape_backup.users.age').countDocuments()).toBe(30);
    await backed.down(m);
    expect((await users().find({}).sort({ _id: 1 }).toArray()).map((d) => d.age)).toEqual(Array.from({ length: 30 }, (_, i) => 50 + i));
    expect((await adapter.driver.db.listCollections({ name: '_ductape_backup.users.age' }).toArray()).length).toBe(0);
  });

  it('a unique constraint introspects as a constraint; dropConstraint with it as previous is undone by its down', async () => {
    const add = migration('uq_age')
      .addConstraint('users', { name: 'uq_users_age', type: 'unique', columns: ['age'] })
      .build();
    await engine.up(add);
    const s = await adapter.introspect('users');
    expect(s?.constraints).toEqual([{ name: 'uq_users_age', type: 'unique', columns: ['age'] }]);
    expect(s?.indexes?.map((i) => i.name)).not.toContain('uq_users_age');
    const drop = migration('drop_uq_age').dropConstraint('users', 'uq_users_age', { previous: s?.constraints?.[0] }).build();
    await engine.up(drop);
    expect((await adapter.introspect('users'))?.constraints).toEqual([]);
    await engine.down(drop);
    expect(await adapter.introspect('users')).toEqual(s);
    await engine.down(add);
    expect((await users().listIndexes().toArray()).map((i) => i.name)).not.toContain('uq_users_age');
  });

  it('modifyField changes the recorded validator; dropIndex and raw commands run; drop and its down restore the definition', async () => {
    const m = migration('widen')
      .modifyField('users', 'name', { length: 500 }, { previous: { name: 'name', type: 'string', length: 100, unique: true, required: true } })
      .build();
    await engine.up(m);
    expect((await adapter.introspect('users'))?.fields.find((f) => f.name === 'name')?.length).toBe(500);
    await engine.down(m);
    expect((await adapter.introspect('users'))?.fields.find((f) => f.name === 'name')?.length).toBe(100);
    const raw = migration('raw_idx')
      .raw('mongodb', { createIndexes: 'users', indexes: [{ key: { age: 1 }, name: 'raw_age' }] }, { down: { command: { dropIndexes: 'users', index: 'raw_age' } } })
      .build();
    await engine.up(raw);
    expect((await users().listIndexes().toArray()).map((i) => i.name)).toContain('raw_age');
    await engine.down(raw);
    const before = await adapter.introspect('users');
    const drop = migration('drop_users').dropCollection('users', { previous: before }).build();
    await engine.up(drop);
    expect(await adapter.introspect('users')).toBeUndefined();
    expect(await adapter.driver.db.collection('_ductape_schema').countDocuments({ _id: 'users' as never })).toBe(0);
    await engine.down(drop);
    expect(await adapter.introspect('users')).toEqual(before);
    expect(log.warnings.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!mongoUrl)('an interrupted rename resumes with its indexes (FerretDB)', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_resume');
  afterAll(() => dropDatabases(url, [database]));

  it('the indexes dropped before a crash are rebuilt by the resumed run', async () => {
    const { adapter } = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() });
    await adapter.connect();
    try {
      const engine = new MigrationEngine(adapter);
      await engine.up(
        migration('t')
          .createCollection('t', { id: { type: 'integer', primaryKey: true }, code: { type: 'string', unique: true, required: true } })
          .build(),
      );
      const t = adapter.driver.db.collection('t');
      await t.insertMany([
        { id: 1, code: 'a' },
        { id: 2, code: 'b' },
      ]);
      // A first run died after dropping the index: the record is there, the index is gone.
      const { renameField, PENDING_INDEXES_COLLECTION } = await import('../../src/execute/rename-field.js');
      const spec = (await t.listIndexes().toArray()).find((i) => i.name === 't_code_key');
      await adapter.driver.db.collection(PENDING_INDEXES_COLLECTION).insertOne({ _id: JSON.stringify(['t', 'code', 'sku']) as never, json: BSON.EJSON.stringify([spec], { relaxed: false }) });
      await t.dropIndex('t_code_key');
      await renameField(adapter.driver.db, 't', 'code', 'sku', 1, adapter.features);
      const names = (await t.listIndexes().toArray()).map((i) => [i.name, i.key]);
      expect(names).toContainEqual(['t_sku_key', { sku: 1 }]);
      expect(await t.countDocuments({ sku: { $exists: true } })).toBe(2);
      expect(await adapter.driver.db.collection(PENDING_INDEXES_COLLECTION).countDocuments()).toBe(0);
    } finally {
      await adapter.close();
    }
  });
});
