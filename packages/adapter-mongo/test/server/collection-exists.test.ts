import { MigrationEngine, ValidationError, migration } from '@ductape/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { catalog } from '../support/catalog.js';
import { CapturedLog, monitoredAdapter, sent, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// Reliability finding 32: a createCollection of a collection that exists failed at its step
// ("Collection … already exists") after the earlier steps ran. It is refused by preflight before
// any change now, unless an earlier op of the migration drops or renames that collection away; so
// is a renameCollection onto an existing collection (core refuses the builder's before IO; a down,
// which is not resolved again, by preflight).
describe.skipIf(!mongoUrl)('createCollection / renameCollection onto an existing collection (FerretDB)', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_f32');
  let adapter: MongoAdapter;
  let commands: ReturnType<typeof monitoredAdapter>['commands'];
  let engine: MigrationEngine;
  const fields = [
    { name: 'id', type: 'integer' as const, primaryKey: true },
    { name: 'code', type: 'string' as const, length: 40 },
  ];
  const events = migration('m1').createCollection('events', fields).build();
  const names = async () => (await adapter.history.list()).map((e) => `${e.name}:${e.status}`);
  const refusal = async (run: Promise<unknown>) => {
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  };

  beforeAll(async () => {
    ({ adapter, commands } = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() }));
    await adapter.connect();
    engine = new MigrationEngine(adapter);
  });
  beforeEach(async () => {
    await adapter.driver.db.dropDatabase();
    await engine.up(events);
    await adapter.driver.db.collection('events').insertOne({ id: 1, code: 'a' });
  });
  afterAll(async () => {
    await adapter.close();
    await dropDatabases(url, [database]);
  });

  it('createCollection of an existing collection after other ops: refused before any change, no history row', async () => {
    const m = migration('m2_again').createCollection('audit', fields).addField('events', { name: 'extra', type: 'integer', default: 1 }).createCollection('events', fields).build();
    const before = await catalog(adapter.driver.db);
    commands.length = 0;
    const error = await refusal(engine.up(m));
    // Core refuses it first now (the same check on every adapter); the adapter's own preflight
    // ('collection_exists') still covers what core cannot see, e.g. a view of that name.
    expect(error.issues).toEqual([expect.objectContaining({ code: 'already_exists', path: 'up[2]' })]);
    expect(error.message).toContain('migration "m2_again"');
    expect(error.message).toContain('createCollection: collection "events" already exists');
    expect(error.message).toContain('drop or rename it first');
    // Nothing was sent that changes anything (but the lock's release), nothing changed, nothing recorded.
    expect([...sent(commands, 'create'), ...sent(commands, 'update').filter((c) => c.update !== '_ductape_lock'), ...sent(commands, 'collMod')]).toEqual([]);
    expect(await catalog(adapter.driver.db)).toEqual(before);
    expect(await adapter.driver.db.collection('events').findOne({ id: 1 }, { projection: { _id: 0 } })).toEqual({ id: 1, code: 'a' });
    expect(await names()).toEqual(['m1:applied']);
  });

  it('allowed when an earlier op drops or renames the collection away; refused when the same migration made it', async () => {
    await engine.up(migration('m3_replace').dropCollection('events').createCollection('events', fields).build());
    await engine.up(migration('m4_move').renameCollection('events', 'old_events').createCollection('events', fields).build());
    expect(
      (await adapter.driver.db.listCollections({}, { nameOnly: true }).toArray())
        .map((c) => c.name)
        .filter((n) => !n.startsWith('_'))
        .sort(),
    ).toEqual(['events', 'old_events']);
    const twice = migration('m5_twice').createCollection('fresh', fields).renameCollection('old_events', 'fresh').build();
    const error = await refusal(engine.up(twice));
    // The builder's renameCollection is refused by core's resolution (the live schema) first; a
    // rename with its previous given goes to preflight, which follows the migration's own create.
    expect(error.message).toMatch(/"fresh" already exists/);
    const withPrevious = migration('m6_twice')
      .createCollection('fresh', fields)
      .operation({ type: 'renameCollection', from: 'old_events', to: 'fresh', previous: { name: 'old_events', fields, indexes: [], constraints: [] } })
      .build();
    const error2 = await refusal(engine.up(withPrevious));
    expect(error2.issues).toEqual([expect.objectContaining({ code: 'collection_exists', path: 'up[1]' })]);
    expect(error2.message).toContain('renameCollection "old_events" → "fresh": collection "fresh" already exists in database');
    expect(error2.message).toContain('created by up[0] of this migration');
    expect(await adapter.driver.db.listCollections({ name: 'fresh' }).toArray()).toEqual([]);
    expect(await names()).toEqual(['m1:applied', 'm3_replace:applied', 'm4_move:applied']);
  });

  it('a down that recreates or renames back onto a collection made meanwhile is refused before any change', async () => {
    const drop = migration('m7_drop').addField('events', { name: 'flag', type: 'string' }).dropCollection('events').build();
    await engine.up(drop);
    await adapter.driver.db.createCollection('events'); // made by hand after the drop
    const error = await refusal(engine.down(drop));
    expect(error.issues).toEqual([expect.objectContaining({ code: 'collection_exists', path: 'down[0]' })]);
    expect(error.message).toContain('migration "m7_drop"');
    expect(await names()).toEqual(['m1:applied', 'm7_drop:applied']);

    const rename = migration('m8_rename').renameCollection('other', 'renamed').build();
    await adapter.driver.db.createCollection('other');
    await engine.up(rename);
    await adapter.driver.db.createCollection('other');
    const error3 = await refusal(engine.down(rename));
    expect(error3.issues).toEqual([expect.objectContaining({ code: 'collection_exists' })]);
    expect(await adapter.driver.db.listCollections({ name: 'renamed' }).toArray()).toHaveLength(1);
    expect(await names()).toEqual(['m1:applied', 'm7_drop:applied', 'm8_rename:applied']);
  });
});
