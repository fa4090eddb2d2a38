import { type DuctapeError, MigrationEngine, ValidationError, migration } from '@ductape/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { catalog } from '../support/catalog.js';
import { CapturedLog, monitoredAdapter, sent, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// Reliability finding 15: MongoDB and FerretDB keep one index per key pattern (same fields, same
// order, same directions; unique or not); a second one failed at its step after the earlier
// steps ran. It is refused before any change now.
describe.skipIf(!mongoUrl)('one index per key pattern (FerretDB)', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_f15');
  let adapter: MongoAdapter;
  let commands: ReturnType<typeof monitoredAdapter>['commands'];
  let engine: MigrationEngine;
  const create = migration('m1')
    .createCollection('events', [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'code', type: 'string', length: 40 },
    ])
    .build();
  const uq = migration('m_uq')
    .addConstraint('events', { name: 'events_uq', type: 'unique', columns: ['code'] })
    .build();

  beforeAll(async () => {
    ({ adapter, commands } = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() }));
    await adapter.connect();
    engine = new MigrationEngine(adapter);
  });
  beforeEach(async () => {
    await adapter.driver.db.dropDatabase();
    await engine.up(create);
  });
  afterAll(async () => {
    await adapter.close();
    await dropDatabases(url, [database]);
  });

  it('the server itself: a second index on { code: 1 } is refused, unique or not; { code: -1 } is another key pattern', async () => {
    const coll = adapter.driver.db.collection('events');
    await coll.createIndex({ code: 1 }, { name: 'a', unique: true });
    await expect(coll.createIndex({ code: 1 }, { name: 'b' })).rejects.toThrow(/already exists with a different name/);
    await expect(coll.createIndex({ code: -1 }, { name: 'c' })).resolves.toBe('c');
  });

  it('two in one migration: refused at compile time with a ValidationError naming both, nothing sent', async () => {
    const m = migration('m2')
      .addField('events', 'extra', 'integer')
      .addConstraint('events', { name: 'events_uq', type: 'unique', columns: ['code'] })
      .createIndex('events', 'events_ix', ['code'])
      .build();
    const before = await catalog(adapter.driver.db);
    commands.length = 0;
    const error = await engine.up(m).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as DuctapeError).code).toBe('DUCTAPE_VALIDATION');
    expect((error as Error).message).toMatch(/"events_ix".*"events_uq"/s);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ code: 'duplicate_key_pattern', path: 'up[2]' })]);
    expect([...sent(commands, 'createIndexes'), ...sent(commands, 'update'), ...sent(commands, 'insert')]).toEqual([]);
    expect(await catalog(adapter.driver.db)).toEqual(before);
    expect((await adapter.history.list()).map((e) => e.name)).toEqual(['m1']);
  });

  it('one already on the collection: refused before anything is written (no change, no history row)', async () => {
    await engine.up(uq);
    const m = migration('m3').addField('events', 'extra', { type: 'integer', default: 1 }).createIndex('events', 'events_ix', ['code']).build();
    const before = await catalog(adapter.driver.db);
    const error = await engine.up(m).catch((e: unknown) => e);
    // Before adapter.preflight: a MigrationFailedError with 0 steps applied and a failed row.
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([expect.objectContaining({ code: 'duplicate_key_pattern', path: 'up[1]' })]);
    expect((error as Error).message).toMatch(/"events_ix".*"events_uq".*already has/s);
    expect(await catalog(adapter.driver.db)).toEqual(before);
    expect((await adapter.introspect('events'))?.fields.map((f) => f.name)).toEqual(['id', 'code']);
    expect((await adapter.history.list()).map((e) => e.name)).toEqual(['m1', 'm_uq']);
  });

  it('allowed: another direction, or the old index dropped earlier in the same migration', async () => {
    await engine.up(uq);
    await engine.up(
      migration('m4')
        .createIndex('events', 'events_desc', [{ name: 'code', order: 'DESC' }])
        .build(),
    );
    const swap = migration('m5').dropConstraint('events', 'events_uq').createIndex('events', 'events_ix', ['code']).build();
    await engine.up(swap);
    expect((await catalog(adapter.driver.db)).events?.map((i) => (i as { name: string }).name)).toEqual(['_id_', 'events_desc', 'events_ix', 'events_pkey']);
    await engine.down(swap);
  });
});
