import { type Operation, ValidationError, migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { MissingFeatureError, MONGODB_FEATURES } from '../../src/index.js';
import { FERRETDB_FEATURES, compile as compileSteps, settings } from '../support/compile-helpers.js';

type Compiled = { readonly name: string; readonly args: Record<string, unknown> };
/** The compiled steps, read as Mongo command steps (name and args). */
const compile = (...a: Parameters<typeof compileSteps>) => compileSteps(...a) as unknown as Compiled[];

// Issue 25: a validator changed on an existing collection (alterCollectionOptions mongoOptions),
// collations on collections and indexes, time-series and clustered collections.

const validator = { $jsonSchema: { bsonType: 'object', required: ['email'], properties: { email: { bsonType: 'string' }, age: { bsonType: 'int', minimum: 0 } } } };
const alter = (mongoOptions: Record<string, unknown>, previous?: Record<string, unknown>): Operation =>
  ({ type: 'alterCollectionOptions', collection: 'users', options: { mongoOptions }, ...(previous ? { previous: { mongoOptions: previous } } : {}) }) as Operation;

describe('alterCollectionOptions mongoOptions (golden)', () => {
  it('is one collMod of what it names', () => {
    expect(compile(alter({ validator, validationLevel: 'moderate' }))).toEqual([
      { kind: 'command', name: 'collMod', args: { collMod: 'users', validator, validationLevel: 'moderate' }, summary: 'collMod users: validator, validationLevel moderate' },
    ]);
    expect(compile(alter({ validator: null }))[0]?.args).toEqual({ collMod: 'users', validator: {} });
  });

  it('its down from a previous of validatorFields sets the validator those fields generate, and the levels', () => {
    const down = alter({ validatorFields: [{ name: 'email', type: 'string', required: true }], validationLevel: 'strict', validationAction: 'error' });
    expect(compile(down)[0]?.args).toEqual({
      collMod: 'users',
      validator: { $jsonSchema: { bsonType: 'object', required: ['email'], properties: { email: { bsonType: 'string' } } } },
      validationLevel: 'strict',
      validationAction: 'error',
    });
  });

  it('is refused before IO without collMod; policy warn records the whole setting in _ductape_schema', () => {
    const op = alter({ validationAction: 'warn' }, { validator, validationLevel: 'strict', validationAction: 'error' });
    expect(() => compile(op, settings({ features: FERRETDB_FEATURES }))).toThrow(MissingFeatureError);
    expect(() => compile(op, settings({ features: FERRETDB_FEATURES }))).toThrow(/\$jsonSchema validators and collMod \(probed at connect\)/);
    const [step] = compile(op, settings({ features: FERRETDB_FEATURES, onMissingFeature: 'warn' }));
    expect(step).toMatchObject({ name: 'ductape.shadowValidator', args: { collection: 'users', validator, validationLevel: 'strict', validationAction: 'warn' } });
  });

  it('refuses another database block', () => {
    const op = { type: 'alterCollectionOptions', collection: 'users', options: { dynamoOptions: { pointInTimeRecovery: true } } } as Operation;
    expect(() => compile(op)).toThrow(/changes mongoOptions/);
  });
});

describe('collation, time series and clustered collections (golden)', () => {
  const create = (mongoOptions: Record<string, unknown>) =>
    migration('c')
      .createCollection('events', { at: { type: 'datetime', required: true } }, { mongoOptions })
      .build().up[0] as Operation;

  it('sends them with create', () => {
    const ts = { timeField: 'at', metaField: 'sensor', granularity: 'minutes' };
    expect(compile(create({ timeseries: ts }))[0]?.args).toMatchObject({ create: 'events', timeseries: ts });
    expect(compile(create({ clusteredIndex: { key: { _id: 1 }, unique: true, name: 'by_id' } }))[0]?.args).toMatchObject({ clusteredIndex: { key: { _id: 1 }, unique: true, name: 'by_id' } });
    expect(compile(create({ collation: { locale: 'fr', strength: 2 } }))[0]?.args).toMatchObject({ collation: { locale: 'fr', strength: 2 } });
  });

  it('an index collation goes into its createIndexes spec', () => {
    const op = migration('i')
      .createIndex('users', 'users_email_ci', ['email'], { collation: { locale: 'en', strength: 2 } })
      .build().up[0] as Operation;
    expect(compile(op).find((s) => s.name === 'createIndexes')?.args).toMatchObject({ indexes: [{ key: { email: 1 }, name: 'users_email_ci', collation: { locale: 'en', strength: 2 } }] });
  });

  it('refuses each where the server lacks it (typed, before IO), whatever the policy', () => {
    const ferret = settings({ features: FERRETDB_FEATURES, onMissingFeature: 'warn' });
    expect(() => compile(create({ timeseries: { timeField: 'at' } }), ferret)).toThrow(/time-series collections \(probed at connect\)/);
    expect(() => compile(create({ clusteredIndex: { key: { _id: 1 }, unique: true } }), ferret)).toThrow(/clustered collections/);
    expect(() => compile(create({ collation: { locale: 'fr' } }), ferret)).toThrow(MissingFeatureError);
    const op = migration('i')
      .createIndex('users', 'ci', ['email'], { collation: { locale: 'en', strength: 2 } })
      .build().up[0] as Operation;
    expect(() => compile(op, ferret)).toThrow(/index collations/);
  });

  it('refuses malformed settings', () => {
    const errorOf = (mo: Record<string, unknown>) => {
      try {
        compile(create(mo), settings({ features: MONGODB_FEATURES }));
      } catch (e) {
        return e as ValidationError;
      }
      return undefined;
    };
    expect(errorOf({ timeseries: { timeField: '' } })).toBeInstanceOf(ValidationError);
    expect(errorOf({ timeseries: { timeField: 'at', granularity: 'days' } })?.issues.map((i) => i.path)).toEqual(['options.mongoOptions.timeseries.granularity']);
    expect(errorOf({ timeseries: { timeField: 'at' }, capped: true, size: 1000 })?.issues.map((i) => i.path)).toEqual(['options.mongoOptions.timeseries']);
    expect(errorOf({ clusteredIndex: { key: { id: 1 }, unique: true } })?.issues.map((i) => i.path)).toEqual(['options.mongoOptions.clusteredIndex']);
    expect(errorOf({ collation: { strength: 2 } })?.issues.map((i) => i.path)).toEqual(['options.mongoOptions.collation.locale']);
  });
});

describe('reading them back (listCollections / listIndexes options)', () => {
  it('gives the collation as written: ICU defaults and version left out', async () => {
    const { collationOf, createOptionsOf } = await import('../../src/introspect/create-options.js');
    const reported = {
      locale: 'fr',
      caseLevel: false,
      caseFirst: 'off',
      strength: 2,
      numericOrdering: false,
      alternate: 'non-ignorable',
      maxVariable: 'punct',
      normalization: false,
      backwards: false,
      version: '57.1',
    };
    expect(collationOf(reported)).toEqual({ locale: 'fr', strength: 2 });
    expect(collationOf({ locale: 'simple' })).toBeUndefined();
    expect(createOptionsOf({ timeseries: { timeField: 'at', metaField: 'sensor', granularity: 'minutes', bucketMaxSpanSeconds: 86400 } })).toEqual({
      timeseries: { timeField: 'at', metaField: 'sensor', granularity: 'minutes' },
    });
    expect(createOptionsOf({ clusteredIndex: { v: 2, key: { _id: 1 }, name: '_id_', unique: true } })).toEqual({ clusteredIndex: { key: { _id: 1 }, unique: true } });
  });
});
