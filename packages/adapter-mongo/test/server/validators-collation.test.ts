import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { MissingFeatureError } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, sent, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// Issue 25 on FerretDB 1.24, the one MongoDB-wire server here. It has no collMod, validators,
// collations or time-series collections, and accepts clusteredIndex but ignores it. So: the
// typed refusals run for real; the validator change and its inverse run for real through
// _ductape_schema (policy 'warn'); what FerretDB lacks is checked by command capture, the real
// driver's command monitoring of what it sends (probe off, compiling for full MongoDB).
describe.skipIf(!mongoUrl)('validators, collation, time series and clustered collections (FerretDB)', () => {
  const url = mongoUrl as string;
  const dbs: string[] = [];
  const db = () => {
    const name = uniqueDatabase('ductape_i25');
    dbs.push(name);
    return name;
  };
  afterAll(() => dropDatabases(url, dbs));

  const createUsers = () =>
    migration('create_users')
      .createCollection('users', { email: { type: 'string', required: true } })
      .build();
  const validator = {
    $jsonSchema: { bsonType: 'object', required: ['email'], properties: { email: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 0 } } },
  };
  const changeValidator = () =>
    migration('validate_users')
      .alterCollectionOptions('users', { mongoOptions: { validator, validationAction: 'warn' } })
      .build();

  it('probing finds no collations, time series or clustered collections (a clusteredIndex FerretDB accepted is not read back)', async () => {
    const { adapter } = monitoredAdapter(url, db());
    await adapter.connect();
    try {
      expect(adapter.features).toMatchObject({ collation: false, indexCollation: false, timeseries: false, clusteredCollections: false });
      expect(adapter.capabilities).toMatchObject({ indexCollation: false, optionChanges: ['mongoOptions'] });
    } finally {
      await adapter.close();
    }
  });

  it('by default a validator change is refused with a typed error before any collMod', async () => {
    const { adapter, commands } = monitoredAdapter(url, db(), { onMissingFeature: 'warn', logger: new CapturedLog() });
    await adapter.connect();
    const engine = new MigrationEngine(adapter);
    await engine.up(createUsers());
    await adapter.close();
    const strict = monitoredAdapter(url, adapter.driver.databaseName);
    await strict.adapter.connect();
    try {
      const error = await new MigrationEngine(strict.adapter).up(changeValidator()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingFeatureError);
      expect((error as Error).message).toMatch(/\$jsonSchema validators and collMod \(probed at connect\)/);
      expect(sent(strict.commands, 'collMod').filter((c) => c.collMod === 'users')).toEqual([]);
      expect(commands.length).toBeGreaterThan(0);
    } finally {
      await strict.adapter.close();
    }
  });

  it("with policy 'warn' the change and its inverse run for real through _ductape_schema: up, down, up", async () => {
    const log = new CapturedLog();
    const { adapter } = monitoredAdapter(url, db(), { onMissingFeature: 'warn', logger: log });
    await adapter.connect();
    try {
      const engine = new MigrationEngine(adapter);
      await engine.up(createUsers());
      const before = await adapter.introspect('users');
      expect(before?.fields).toEqual([{ name: 'email', type: 'string', required: true }]);
      const m = changeValidator();
      await engine.up(m);
      const after = await adapter.introspect('users');
      expect(after?.fields.map((f) => f.name)).toEqual(['email', 'age']);
      expect(after?.options?.mongoOptions).toEqual({ validator, validationAction: 'warn' });
      // The history keeps the resolved inverse: the validator the old fields generate, the levels as they were.
      const [row] = (await engine.getHistory()).filter((h) => h.name === 'validate_users');
      expect(row?.migration.down).toEqual([
        {
          type: 'alterCollectionOptions',
          collection: 'users',
          options: { mongoOptions: { validatorFields: [{ name: 'email', type: 'string', required: true }], validationLevel: 'strict', validationAction: 'error' } },
          previous: { mongoOptions: { validator, validationAction: 'warn' } },
        },
      ]);
      await engine.down(m);
      expect(await adapter.introspect('users')).toEqual(before);
      await engine.up(m);
      expect(await adapter.introspect('users')).toEqual(after);
      expect(log.warnings.some((w) => /recorded the validation settings of users in _ductape_schema/.test(w))).toBe(true);
    } finally {
      await adapter.close();
    }
  });

  it('compiled for full MongoDB, the exact collMod of the change is sent (FerretDB answers not implemented)', async () => {
    const { adapter, commands } = monitoredAdapter(url, db(), { probe: false });
    await adapter.connect();
    try {
      const engine = new MigrationEngine(adapter);
      await engine.up(migration('plain').raw('mongodb', { create: 'users' }).build());
      const error = await engine.up(changeValidator()).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/collMod.*not implemented/i);
      expect(sent(commands, 'collMod')).toEqual([{ collMod: 'users', validator, validationAction: 'warn' }]);
      // The previous was read from listCollections before the change: no validator, MongoDB's default levels.
      const [row] = (await engine.getHistory()).filter((h) => h.name === 'validate_users');
      expect(row?.migration.down[0]).toMatchObject({ options: { mongoOptions: { validator: null, validationLevel: 'strict', validationAction: 'error' } } });
    } finally {
      await adapter.close();
    }
  });

  it('time series, clustered and collated collections and collated indexes: refused before IO where probing found them missing', async () => {
    const { adapter, commands } = monitoredAdapter(url, db());
    await adapter.connect();
    try {
      const engine = new MigrationEngine(adapter);
      const at = { at: { type: 'datetime' as const, required: true } };
      const cases = [
        [
          migration('ts')
            .createCollection('metrics', at, { mongoOptions: { timeseries: { timeField: 'at', metaField: 'sensor', granularity: 'minutes' } } })
            .build(),
          /time-series collections/,
        ],
        [
          migration('cl')
            .createCollection('orders', at, { mongoOptions: { clusteredIndex: { key: { _id: 1 }, unique: true } } })
            .build(),
          /clustered collections/,
        ],
        [
          migration('co')
            .createCollection('names', at, { mongoOptions: { collation: { locale: 'fr', strength: 2 } } })
            .build(),
          /collations/,
        ],
      ] as const;
      for (const [m, message] of cases) {
        const before = commands.length;
        const error = await engine.up(m).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
        expect((error as Error).message).toMatch(message);
        expect(commands.slice(before).filter((c) => c.commandName === 'create' && !String(c.command.create).startsWith('_ductape'))).toEqual([]);
      }
      const ix = await engine
        .up(
          migration('ci')
            .createIndex('users', 'users_email_ci', ['email'], { collation: { locale: 'en', strength: 2 } })
            .build(),
        )
        .catch((e: unknown) => e);
      expect(ix).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
      expect((ix as Error).message).toMatch(/indexCollation/);
      expect(sent(commands, 'createIndexes').filter((c) => c.createIndexes === 'users')).toEqual([]);
    } finally {
      await adapter.close();
    }
  });

  it('compiled for full MongoDB, the exact create and createIndexes commands are sent; FerretDB ignores clusteredIndex, which is why it is probed', async () => {
    // Full MongoDB but for validators (FerretDB would refuse the validator first): each create carries just the option.
    const features = { validators: false, collMod: false };
    const { adapter, commands } = monitoredAdapter(url, db(), { probe: false, features, onMissingFeature: 'warn', logger: new CapturedLog() });
    await adapter.connect();
    try {
      const engine = new MigrationEngine(adapter);
      const at = { at: { type: 'datetime' as const, required: true } };
      const ts = { timeField: 'at', metaField: 'sensor', granularity: 'minutes' as const };
      await expect(
        engine.up(
          migration('ts')
            .createCollection('metrics', at, { mongoOptions: { timeseries: ts } })
            .build(),
        ),
      ).rejects.toThrow(/timeseries[\s\S]*not implemented/i);
      await expect(
        engine.up(
          migration('co')
            .createCollection('names', at, { mongoOptions: { collation: { locale: 'fr', strength: 2 } } })
            .build(),
        ),
      ).rejects.toThrow(/collation[\s\S]*not implemented/i);
      await engine
        .up(
          migration('cl')
            .createCollection('orders', at, { mongoOptions: { clusteredIndex: { key: { _id: 1 }, unique: true } } })
            .build(),
        )
        .catch(() => undefined);
      await engine.up(migration('plain').raw('mongodb', { create: 'users' }).build());
      await expect(
        engine.up(
          migration('ci')
            .createIndex('users', 'users_email_ci', ['email'], { collation: { locale: 'en', strength: 2 } })
            .build(),
        ),
      ).rejects.toThrow(/collation[\s\S]*not implemented/i);
      const creates = sent(commands, 'create').filter((c) => ['metrics', 'names', 'orders'].includes(String(c.create)));
      expect(creates).toEqual([
        { create: 'metrics', timeseries: ts },
        { create: 'names', collation: { locale: 'fr', strength: 2 } },
        { create: 'orders', clusteredIndex: { key: { _id: 1 }, unique: true } },
      ]);
      expect(sent(commands, 'createIndexes').filter((c) => c.createIndexes === 'users')).toEqual([
        { createIndexes: 'users', indexes: [{ key: { email: 1 }, name: 'users_email_ci', collation: { locale: 'en', strength: 2 } }] },
      ]);
      // FerretDB answered ok to clusteredIndex and made an ordinary collection: introspection reads none.
      expect((await adapter.introspect('orders'))?.options?.mongoOptions?.clusteredIndex).toBeUndefined();
    } finally {
      await adapter.close();
    }
  });
});
