import { identifierProblem } from '../helpers/identifiers.js';
import { isRecord } from '../helpers/issue-list.js';
import { OPTION_CHANGE_BLOCKS } from '../model/collection-option-changes.js';
import type { AlterCollectionOptionsOp, CollectionSnapshot } from '../model/operation.js';
import { applyCassandraChanges, coversCassandra, namedKeys, previousCassandra, validateCassandraChanges } from './cassandra-option-changes.js';
import { applyDynamoChanges, coversDynamo, dynamoGroups, previousDynamo, validateDynamoChanges } from './dynamo-option-changes.js';
import { collectionIn, updateCollection } from './memory-collections.js';
import { applyMongoChanges, coversMongo, previousMongo, validateMongoChanges } from './mongo-option-changes.js';
import { type OperationModule, inverse, noInverse, nothing } from './operation-module.js';

/**
 * `alterCollectionOptions`: changes database-specific settings of an existing collection, one
 * block per database (`dynamoOptions`: TTL, stream, encryption, point-in-time recovery, tags,
 * deletion protection, billing and throughput; `cassandraOptions`: default TTL, gc_grace_seconds,
 * compaction, compression, comment; `mongoOptions`: validator, validationLevel, validationAction
 * with one collMod). Its `previous` (the same settings as they were)
 * is read by the engine from the live collection before any change, so down sets them back;
 * undone by the same op with `options` and `previous` swapped. An adapter runs the blocks it
 * lists in `capabilities.optionChanges`; any other is refused before IO.
 * @example alterCollectionOptionsModule.inverse({ type: 'alterCollectionOptions', collection: 'users', options: { dynamoOptions: { pointInTimeRecovery: true } }, previous: { dynamoOptions: { pointInTimeRecovery: false } } })
 */
export const alterCollectionOptionsModule: OperationModule<'alterCollectionOptions'> = {
  type: 'alterCollectionOptions',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    for (const key of ['options', 'previous'] as const) {
      const block = op[key];
      if (key === 'previous' && block === undefined) continue;
      if (!isRecord(block) || Object.keys(block).length === 0) {
        out.add('empty_change', `${path}.${key}`, 'alterCollectionOptions needs one block of settings, e.g. { dynamoOptions: { pointInTimeRecovery: true } }');
        continue;
      }
      for (const name of Object.keys(block)) {
        if (!OPTION_CHANGE_BLOCKS.includes(name)) {
          out.add('unknown_option_block', `${path}.${key}.${name}`, `alterCollectionOptions changes ${OPTION_CHANGE_BLOCKS.join(', ')}`);
        }
      }
      if (block.dynamoOptions !== undefined) validateDynamoChanges(block.dynamoOptions, `${path}.${key}.dynamoOptions`, out);
      if (block.cassandraOptions !== undefined) validateCassandraChanges(block.cassandraOptions, `${path}.${key}.cassandraOptions`, out);
      if (block.mongoOptions !== undefined) validateMongoChanges(block.mongoOptions, `${path}.${key}.mongoOptions`, out);
    }
  },
  inverse(op) {
    if (!op.previous) return noInverse(`alterCollectionOptions "${op.collection}" has no previous settings`);
    return inverse({ type: 'alterCollectionOptions', collection: op.collection, options: op.previous, previous: op.options });
  },
  effects: nothing.effects,
  unsupported(op, capabilities) {
    const blocks = Object.keys(op.options ?? {});
    const missing = blocks.find((b) => !(capabilities.optionChanges ?? []).includes(b));
    if (missing === undefined) return undefined;
    const can = capabilities.optionChanges?.length ? `it changes ${capabilities.optionChanges.join(', ')} only` : 'it changes no collection options';
    return { what: `alterCollectionOptions ${missing} on "${op.collection}"`, reason: `${can}; ${missing} belongs to another database` };
  },
  touches: (op) => [op.collection],
  missingPrevious(op) {
    const dynamo = op.options?.dynamoOptions;
    if (dynamo && !coversDynamo(dynamo, op.previous?.dynamoOptions)) {
      return `${op.type} ${op.collection} does not carry the current ${dynamoGroups(dynamo).join(', ')} settings (previous)`;
    }
    const cassandra = op.options?.cassandraOptions;
    if (cassandra && !coversCassandra(cassandra, op.previous?.cassandraOptions)) {
      return `${op.type} ${op.collection} does not carry the current ${namedKeys(cassandra).join(', ')} settings (previous)`;
    }
    if (op.options?.mongoOptions && !coversMongo(op.previous?.mongoOptions)) {
      return `${op.type} ${op.collection} does not carry the current validator, validationLevel and validationAction (previous)`;
    }
    return undefined;
  },
  resolve(op, live) {
    const c = live.collection(op.collection);
    if (!c) return live.refused(op, `${op.type}: collection "${op.collection}" does not exist`);
    const dynamo = op.options.dynamoOptions;
    const cassandra = op.options.cassandraOptions;
    const mongo = op.options.mongoOptions;
    if (!dynamo && !cassandra && !mongo) return op;
    return {
      ...op,
      previous: {
        ...op.previous,
        ...(dynamo ? { dynamoOptions: previousDynamo(dynamo, c.options?.dynamoOptions ?? {}) } : {}),
        ...(cassandra ? { cassandraOptions: previousCassandra(cassandra, c.options?.cassandraOptions ?? {}) } : {}),
        ...(mongo ? { mongoOptions: previousMongo(c) } : {}),
      },
    };
  },
  applyToCopy: (op, copy) => copy.update(op.collection, (c) => withChanges(c, op)),
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.collection);
    updateCollection(collections, c, withChanges(c, op));
  },
  summary: (op) =>
    `${op.type} ${op.collection} (${Object.entries(op.options ?? {})
      .map(([block, o]) => `${block}: ${Object.keys(o ?? {}).join(', ')}`)
      .join('; ')})`,
  // Settings are not fields: drift's field model only learns that the collection is expected.
  replayFields: (op, model) => void model.fields(op.collection),
};

function withChanges(c: CollectionSnapshot, op: AlterCollectionOptionsOp): CollectionSnapshot {
  const dynamo = op.options.dynamoOptions;
  const cassandra = op.options.cassandraOptions;
  const mongo = op.options.mongoOptions;
  if (!dynamo && !cassandra && !mongo) return c;
  const withMongo = mongo ? { ...c, options: applyMongoChanges(c, mongo) } : c;
  return {
    ...withMongo,
    // The fields a validator of its own fields declares come back with it.
    ...(mongo?.validatorFields ? { fields: mongo.validatorFields } : {}),
    options: {
      ...withMongo.options,
      ...(dynamo ? { dynamoOptions: applyDynamoChanges(c.options?.dynamoOptions ?? {}, dynamo) } : {}),
      ...(cassandra ? { cassandraOptions: applyCassandraChanges(c.options?.cassandraOptions ?? {}, cassandra) } : {}),
    },
  };
}
