import { type Capabilities, baseCapabilities } from '@ductape/core';
import { MONGO_RAW_DIALECTS } from './compile/compile-raw.js';
import type { ServerFeatures } from './mongo-compile-settings.js';

/**
 * What MongoDB can do: renames, unique indexes and non-blocking index builds; partial indexes
 * and index collation where the server has them (FerretDB may not); collection options through
 * alterCollectionOptions' mongoOptions. No transactional DDL, foreign keys or checks.
 * @example mongoCapabilities(MONGODB_FEATURES).partialIndexes // true
 */
export function mongoCapabilities(features: ServerFeatures): Capabilities {
  return {
    ...baseCapabilities(),
    renameField: true,
    renameCollection: true,
    modifyField: true,
    dropField: true,
    uniqueConstraints: true,
    partialIndexes: features.partialIndexes,
    indexCollation: features.indexCollation,
    concurrentIndex: true,
    rawDialects: MONGO_RAW_DIALECTS,
    optionChanges: ['mongoOptions'],
  };
}
