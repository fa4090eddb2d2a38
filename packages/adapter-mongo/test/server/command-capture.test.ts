import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { MONGODB_FEATURES, MissingFeatureError } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, sent, uniqueDatabase } from '../support/mongo-target.js';
import { SPEC_CREATE_COMMAND, specMongoExample } from '../support/spec-example.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// FerretDB lacks validators, collMod, partial and TTL indexes. Probing must say so; the default
// policy refuses before any IO; and with probing off (compiling for real MongoDB) the exact
// commands real MongoDB needs are sent — FerretDB answers "not implemented", which is the point.
describe.skipIf(!mongoUrl)('capability probing and command capture (FerretDB)', () => {
  const url = mongoUrl as string;
  const dbs: string[] = [];
  const db = () => {
    const name = uniqueDatabase('ductape_cap');
    dbs.push(name);
    return name;
  };
  afterAll(() => dropDatabases(url, dbs));

  const specExample = specMongoExample;

  it('probing at connect finds what FerretDB 1.x lacks; capabilities follow', async () => {
    const { adapter } = monitoredAdapter(url, db());
    await adapter.connect();
    try {
      expect(adapter.features).toEqual({
        validators: false,
        collMod: false,
        partialIndexes: false,
        ttlIndexes: false,
        transactions: false,
        pipelineUpdates: false,
        collation: false,
        indexCollation: false,
        timeseries: false,
        clusteredCollections: false,
        statementsPerWrite: 50,
        indexesPerCreate: 1,
      });
      expect(adapter.capabilities).toMatchObject({ transactionalDdl: false, partialIndexes: false, foreignKeys: false, checkConstraints: false, rawDialects: ['mongodb'] });
    } finally {
      await adapter.close();
    }
  });

  it('by default the spec MongoDB example is refused with a typed error before any command touches the collection', async () => {
    const { adapter, commands } = monitoredAdapter(url, db());
    await adapter.connect();
    try {
      const before = commands.length;
      const error = await new MigrationEngine(adapter).up(specExample()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingFeatureError);
      expect(error).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
      expect((error as Error).message).toMatch(/\$jsonSchema validators \(probed at connect\).*onMissingFeature: 'warn'/);
      expect(commands.slice(before).map((c) => c.commandName)).toEqual([]);
      expect(await adapter.introspect('users')).toBeUndefined();
    } finally {
      await adapter.close();
    }
  });

  it('compiled for real MongoDB, the spec example sends create with the merged $jsonSchema validator', async () => {
    const { adapter, commands } = monitoredAdapter(url, db(), { probe: false });
    await adapter.connect();
    try {
      const error = await new MigrationEngine(adapter).up(specExample()).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/not implemented/i);
      expect(sent(commands, 'create')).toEqual([SPEC_CREATE_COMMAND]);
    } finally {
      await adapter.close();
    }
  });

  it('compiled for real MongoDB, addField reads the validator and sends collMod with the patched one; partial and TTL indexes are sent as such', async () => {
    const { adapter, commands } = monitoredAdapter(url, db(), { probe: false, features: MONGODB_FEATURES });
    await adapter.connect();
    try {
      const engine = new MigrationEngine(adapter);
      await engine.up(migration('plain').raw('mongodb', { create: 'users' }).build());
      const add = await engine.up(migration('add_phone').addField('users', 'phone', { type: 'string', length: 20 }).build()).catch((e: unknown) => e);
      expect((add as Error).message).toMatch(/collMod.*not implemented/i);
      expect(sent(commands, 'collMod')).toEqual([{ collMod: 'users', validator: { $jsonSchema: { bsonType: 'object', properties: { phone: { bsonType: ['string', 'null'], maxLength: 20 } } } } }]);
      const idx = migration('idx')
        .createIndex('users', 'idx_active', ['status'], { where: { status: { $eq: 'active' } } })
        .createIndex('users', 'ttl_sessions', ['expires_at'], { expireAfterSeconds: 3600 })
        .build();
      await expect(engine.up(idx)).rejects.toThrow(/partialFilterExpression.*not implemented/);
      await engine.compensate('idx').catch(() => undefined);
      await expect(engine.up(migration('ttl').createIndex('users', 'ttl_sessions', ['expires_at'], { expireAfterSeconds: 3600 }).build())).rejects.toThrow(/expireAfterSeconds.*not implemented/);
      expect(
        sent(commands, 'createIndexes')
          .filter((c) => c.createIndexes === 'users')
          .map((c) => c.indexes),
      ).toEqual([[{ key: { status: 1 }, name: 'idx_active', partialFilterExpression: { status: { $eq: 'active' } } }], [{ key: { expires_at: 1 }, name: 'ttl_sessions', expireAfterSeconds: 3600 }]]);
    } finally {
      await adapter.close();
    }
  });

  it('with onMissingFeature "warn" the spec example runs: create without validator, the validator recorded and introspected, a warning logged', async () => {
    const log = new CapturedLog();
    const { adapter, commands } = monitoredAdapter(url, db(), { onMissingFeature: 'warn', logger: log });
    await adapter.connect();
    try {
      const r = await new MigrationEngine(adapter).up(specExample());
      expect(r.outcome).toBe('applied');
      expect(sent(commands, 'create').filter((c) => c.create === 'users')).toEqual([{ create: 'users' }]);
      expect(log.warnings).toEqual(['[ductape mongo] created users without its $jsonSchema validator (the server lacks validators); it is recorded in _ductape_schema and not enforced']);
      const s = await adapter.introspect('users');
      expect(s?.fields).toEqual([
        { name: 'email', type: 'string', required: true },
        { name: '_id', type: 'uuid', primaryKey: true },
      ]);
    } finally {
      await adapter.close();
    }
  });
});
